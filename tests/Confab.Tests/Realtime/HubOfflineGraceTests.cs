using System.Diagnostics.Metrics;
using System.Globalization;
using Confab.Data;
using Confab.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Confab.Tests.Realtime;

/// <summary>A server whose offline grace is long enough to reconnect within, even on a slow machine.</summary>
public sealed class OfflineGraceFactory : ConfabFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Realtime:OfflineGraceSeconds"] = "3",
    };
}

/// <summary>A node whose grace outlasts any test, and whose database outlives it, to read what it stored as it stopped.</summary>
public sealed class StoppingNodeFactory : ConfabFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Realtime:OfflineGraceSeconds"] = "300",
    };

    protected override bool KeepsData => true;
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
    public async Task A_node_that_stops_during_the_grace_stores_lastSeenAt_before_it_has_stopped()
    {
        var node = new StoppingNodeFactory();
        try
        {
            var roamer = await node.RegisterAsync("stop-roamer");
            var roamerHub = (await node.ConnectRecordingAsync(roamer)).Connection;
            var beforeClose = DateTime.UtcNow.AddMilliseconds(-1);
            await roamerHub.DisposeAsync();
            var tracker = node.Services.GetRequiredService<PresenceTracker>();
            // The server sees the close a moment after the client; stop once the grace has begun.
            await Until(() => Task.FromResult(!tracker.IsOnline(roamer.Id)), TimeSpan.FromSeconds(2));
            var database = ConnectionStringOf(node);

            // The announcement waits for the user's presence lock, held here, so that it outlasts the stop unless the
            // stop waits for it. Disposing stops the host and then disposes its services; a grace not cut short, or
            // an announcement not waited for, leaves lastSeenAt unstored.
            var announcementHeld = await tracker.LockAsync(roamer.Id, CancellationToken.None);
            var stopping = node.DisposeAsync().AsTask();
            await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(1)));
            announcementHeld.Dispose();
            await stopping;

            (await StoredLastSeenAtAsync(database, roamer.Id)).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(beforeClose);
        }
        finally
        {
            Directory.Delete(node.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_gauge_counts_the_offline_announcements_still_pending()
    {
        var roamer = await app.RegisterAsync("metered-roamer");
        var roamerHub = (await app.ConnectRecordingAsync(roamer)).Connection;
        // This server's own instrument: test servers in one process would otherwise see each other's in /metrics.
        using var pending = new MetricCollector<int>(app.Services.GetRequiredService<IMeterFactory>(),
            ConfabMetrics.MeterName, "confab.presence.offline_announcements_pending");

        await roamerHub.DisposeAsync();

        await Until(() => Task.FromResult(Current(pending) >= 1), TimeSpan.FromSeconds(2));
        await Until(() => Task.FromResult(Current(pending) == 0), TimeSpan.FromSeconds(15));
        using var http = app.Anonymous();
        (await http.GetStringAsync("metrics")).ShouldContain("confab_presence_offline_announcements_pending");
    }

    static int Current(MetricCollector<int> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement.ShouldNotBeNull().Value;
    }

    static string ConnectionStringOf(StoppingNodeFactory node)
    {
        using var scope = node.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<ChatDb>().Database.GetConnectionString()!;
        return new SqliteConnectionStringBuilder(database) { Pooling = false }.ToString();
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
