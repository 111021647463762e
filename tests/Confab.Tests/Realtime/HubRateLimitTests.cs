using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

/// <summary>A server whose hub limits are small enough to reach in a test.</summary>
public sealed class TightHubLimitsFactory : ConfabFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Realtime:SendMessageBurst"] = "3",
        ["Realtime:SendMessagesPerMinute"] = "1",
        ["Realtime:TypingBurst"] = "2",
        ["Realtime:TypingPerMinute"] = "1",
    };
}

public sealed class HubRateLimitTests(TightHubLimitsFactory app) : IClassFixture<TightHubLimitsFactory>
{
    [Fact]
    public async Task SendMessage_beyond_the_users_burst_is_rate_limited_across_connections_and_others_are_unaffected()
    {
        var flooder = await app.RegisterAsync("flooder");
        var calm = await app.RegisterAsync("calm");
        var room = await flooder.CreateChannelAsync("flood");
        await calm.JoinAsync(room);
        var (first, _) = await app.ConnectRecordingAsync(flooder);
        var (second, _) = await app.ConnectRecordingAsync(flooder);
        var (calmHub, _) = await app.ConnectRecordingAsync(calm);
        await using var __ = first;
        await using var ___ = second;
        await using var ____ = calmHub;
        var id = room.Id.ToString();

        await first.InvokeAsync<MessageResponse>("SendMessage", id, "1", "f-1", null);
        await second.InvokeAsync<MessageResponse>("SendMessage", id, "2", "f-2", null);
        await first.InvokeAsync<MessageResponse>("SendMessage", id, "3", "f-3", null);
        var limited = await second.ShouldFailAsync("SendMessage", id, "4", "f-4", null);
        var calmly = await calmHub.InvokeAsync<MessageResponse>("SendMessage", id, "fine", "c-1", null);

        limited.ShouldBe("rate_limited: Too many SendMessage calls; slow down.");
        calmly.Seq.ShouldBe(4);
        second.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task StartTyping_beyond_the_burst_is_rate_limited()
    {
        var typist = await app.RegisterAsync("hammer");
        var room = await typist.CreateChannelAsync("keys");
        var (hub, _) = await app.ConnectRecordingAsync(typist);
        await using var __ = hub;

        await hub.InvokeAsync("StartTyping", room.Id.ToString());
        await hub.InvokeAsync("StartTyping", room.Id.ToString());

        (await hub.ShouldFailAsync("StartTyping", room.Id.ToString())).ShouldBe("rate_limited: Too many StartTyping calls; slow down.");
    }
}
