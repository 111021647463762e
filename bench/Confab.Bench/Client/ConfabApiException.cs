using System.Net;

namespace Confab.Bench.Client;

/// <summary>A REST call that did not answer 2xx.</summary>
public sealed class ConfabApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
