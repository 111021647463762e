using System.Net.Http.Headers;
using System.Text;

namespace Confab.Tests.Infrastructure;

public static class HttpClientExtensions
{
    /// <summary>Sends <paramref name="body"/> (if any) as JSON with the contract's conventions.</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json.Options);
        return await http.SendAsync(request);
    }

    /// <summary>Sends a body exactly as given, for inputs a well-behaved client would never produce.</summary>
    public static async Task<HttpResponseMessage> SendRawAsync(
        this HttpClient http, HttpMethod method, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await http.SendAsync(request);
    }
}
