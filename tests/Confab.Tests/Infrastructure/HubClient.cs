using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Infrastructure;

/// <summary>Hub connections with whatever credentials a test needs, over real WebSockets.</summary>
public static class HubClient
{
    /// <summary>A connection that sends <paramref name="token"/> as a bearer header, or as <c>?access_token=</c> like browsers do.</summary>
    public static HubConnection Build(ConfabFactory app, string? token, bool tokenInQuery = false, bool messagePack = false)
    {
        var url = new Uri(app.BaseAddress, tokenInQuery && token is not null ? $"hubs/chat?access_token={Uri.EscapeDataString(token)}" : "hubs/chat");
        var builder = new HubConnectionBuilder().WithUrl(url, options =>
        {
            if (!tokenInQuery && token is not null)
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
        });
        if (messagePack)
            builder.AddMessagePackProtocol();
        else
            builder.AddJsonProtocol(options => JsonSetup.Configure(options.PayloadSerializerOptions));
        return builder.Build();
    }

    /// <summary>
    /// The user's open connection, recording its events from the start. Returns once the server has subscribed it to
    /// the user's channels: the handshake completes before the server's OnConnectedAsync runs, but calls are only
    /// served after it, so one answered call is the proof.
    /// </summary>
    public static async Task<(HubConnection Connection, HubEventRecorder Events)> ConnectRecordingAsync(
        this ConfabFactory app, TestUser user, bool messagePack = false)
    {
        var connection = Build(app, user.Auth.AccessToken, messagePack: messagePack);
        var events = messagePack
            ? HubEventRecorder.AttachRaw(connection, RawEventNames)
            : HubEventRecorder.Attach(connection);
        await connection.StartAsync();
        await connection.InvokeCoreAsync("Sync", typeof(object), [Array.Empty<object>()]);
        return (connection, events);
    }

    static readonly string[] RawEventNames = typeof(Confab.Realtime.EventNames).GetFields()
        .Select(field => (string)field.GetValue(null)!).ToArray();

    /// <summary>Invokes a hub method expected to fail, and returns the error message the client got.</summary>
    public static async Task<string> ShouldFailAsync(this HubConnection connection, string method, params object?[] args)
    {
        var error = await Should.ThrowAsync<HubException>(() => connection.InvokeCoreAsync(method, typeof(object), args));
        return error.Message;
    }
}
