using Confab.Common;

using Microsoft.AspNetCore.SignalR;

namespace Confab.Realtime;

/// <summary>
/// The hub's one error mapping, like REST's exception handler: a <see cref="ConfabError"/> becomes a HubException
/// whose message starts with its code; anything unexpected is logged and becomes a generic <c>internal_error</c>.
/// Either way only this call fails; the connection stays open.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            if (invocationContext.HubMethodArguments is [HubArgumentsMismatch])
                throw ConfabError.BadRequest($"The arguments do not fit {Signature(invocationContext)}.");
            return await next(invocationContext);
        }
        catch (ConfabError error)
        {
            throw new HubException($"{error.Code}: {error.Message}");
        }
        catch (HubException)
        {
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            throw new HubException("cancelled: The connection closed during the call.");
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw new HubException("internal_error: An unexpected error occurred.");
        }
    }

    static string Signature(HubInvocationContext context) =>
        $"{context.HubMethodName}({string.Join(", ", context.HubMethod.GetParameters().Select(p => $"{p.Name}: {JsonKind(p.ParameterType)}"))})";

    static string JsonKind(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(long) || type == typeof(int) ? "integer"
        : type.IsArray ? "array"
        : "object";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in hub method {Method} on connection {ConnectionId}")]
    static partial void LogUnexpected(ILogger logger, Exception exception, string method, string connectionId);
}
