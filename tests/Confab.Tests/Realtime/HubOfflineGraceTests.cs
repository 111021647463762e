using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

/// <summary>A server whose offline grace is long enough to reconnect within, even on a slow machine.</summary>
public sealed class OfflineGraceFactory : ConfabFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Realtime:OfflineGraceSeconds"] = "3",
    };
}

public sealed class HubOfflineGraceTests(OfflineGraceFactory app) : IClassFixture<OfflineGraceFactory>
{
    [Fact]
    public async Task A_user_who_reconnects_within_the_grace_never_goes_offline_and_is_last_seen_at_the_final_close()
    {
        var watcher = await app.RegisterAsync("grace-watcher");
        var roamer = await app.RegisterAsync("grace-roamer");
        var room = await watcher.CreateChannelAsync("grace");
        await roamer.JoinAsync(room);
        var (watcherHub, watcherEvents) = await app.ConnectRecordingAsync(watcher);
        await using var _ = watcherHub;

        var first = (await app.ConnectRecordingAsync(roamer)).Connection;
        await watcherEvents.WaitForAsync<PresenceChangedEvent>(EventNames.PresenceChanged, p => p.UserId == roamer.Id);
        await first.DisposeAsync();
        (await watcher.GetAsync<UserResponse>($"api/users/{roamer.Id}")).Presence.ShouldBe(Presence.Online);
        var second = (await app.ConnectRecordingAsync(roamer)).Connection;
        var beforeFinalClose = DateTime.UtcNow.AddMilliseconds(-1);
        await second.DisposeAsync();
        var offline = await watcherEvents.WaitForAsync<PresenceChangedEvent>(
            EventNames.PresenceChanged, p => p.UserId == roamer.Id && p.Presence == Presence.Offline);

        offline.LastSeenAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(beforeFinalClose);
        var barrier = await watcher.PostAsync(room, "barrier");
        await watcherEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        watcherEvents.All<PresenceChangedEvent>(EventNames.PresenceChanged).Where(p => p.UserId == roamer.Id)
            .Select(p => p.Presence).ShouldBe([Presence.Online, Presence.Offline]);
        (await watcher.GetAsync<UserResponse>($"api/users/{roamer.Id}")).Presence.ShouldBe(Presence.Offline);
    }
}
