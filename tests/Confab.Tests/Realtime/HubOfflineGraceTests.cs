using System.Globalization;

using Confab.Data;
using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

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

    [Fact]
    public async Task A_node_that_stops_during_the_grace_stores_lastSeenAt_at_once()
    {
        await using var node = new OfflineGraceFactory();
        var roamer = await node.RegisterAsync("stop-roamer");
        var roamerHub = (await node.ConnectRecordingAsync(roamer)).Connection;
        var beforeClose = DateTime.UtcNow.AddMilliseconds(-1);
        await roamerHub.DisposeAsync();
        var tracker = node.Services.GetRequiredService<PresenceTracker>();
        // The server sees the close a moment after the client; stop once the 3 s grace has begun, well inside it.
        await Until(() => Task.FromResult(!tracker.IsOnline(roamer.Id)), TimeSpan.FromSeconds(2));

        // The stopped server answers no requests and its services go away, so read its database file.
        var database = ConnectionStringOf(node);

        node.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        DateTime? stored = null;
        await Until(async () => (stored = await StoredLastSeenAtAsync(database, roamer.Id)) is not null, TimeSpan.FromSeconds(2));
        stored.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(beforeClose);
    }

    static string ConnectionStringOf(OfflineGraceFactory node)
    {
        using var scope = node.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ChatDb>().Database.GetConnectionString()!;
    }

    static async Task<DateTime?> StoredLastSeenAtAsync(string database, Guid userId)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "LastSeenAt" FROM "Users" WHERE "Id" = $id""";
        command.Parameters.AddWithValue("$id", SqlValues.Text(userId));
        return await command.ExecuteScalarAsync() is string text
            ? DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc)
            : null;
    }

    static async Task Until(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
            await Task.Delay(10, deadline.Token);
    }
}
