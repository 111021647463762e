using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Confab.Realtime;

/// <summary>
/// Wraps a hub protocol (JSON or MessagePack) so every failed call answers with an error that starts with the
/// contract's code, as REST does:
/// <list type="bullet">
/// <item>SignalR answers arguments it cannot bind (a number where a string belongs, a wrong count) itself, with a
/// fixed sentence and without running hub filters. The binding failure is turned into a call carrying a
/// <see cref="HubArgumentsMismatch"/>, which <see cref="HubErrorFilter"/> answers with <c>bad_request</c>.</item>
/// <item>SignalR prefixes the message of a HubException thrown by a hub method with "An unexpected error occurred
/// invoking 'X' on the server. HubException: ". That prefix is removed when what follows is a coded message, so
/// clients get "forbidden: ..." as the contract says.</item>
/// </list>
/// </summary>
public sealed partial class CodedErrorProtocol(IHubProtocol inner) : IHubProtocol
{
    const string HubExceptionMarker = " HubException: ";

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
            return false;
        if (message is InvocationBindingFailureMessage failure)
        {
            message = new InvocationMessage(failure.InvocationId, failure.Target, [new HubArgumentsMismatch(failure.Target)])
            {
                Headers = failure.Headers,
            };
        }
        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(Unwrap(message), output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(Unwrap(message));

    static HubMessage Unwrap(HubMessage message)
    {
        if (message is not CompletionMessage { Error: { } error, InvocationId: { } invocationId } completion)
            return message;
        var marker = error.IndexOf(HubExceptionMarker, StringComparison.Ordinal);
        if (marker < 0)
            return message;
        var coded = error[(marker + HubExceptionMarker.Length)..];
        return CodedMessage().IsMatch(coded)
            ? new CompletionMessage(invocationId, coded, null, hasResult: false) { Headers = completion.Headers }
            : message;
    }

    [GeneratedRegex("^[a-z_]+: ")]
    private static partial Regex CodedMessage();
}
