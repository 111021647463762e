using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confab.Messages;

namespace Confab.Realtime;

/// <summary>
/// Counts each user's live hub connections on this node: online while at least one is open. As a hosted service it
/// holds a stopping host until the offline announcements that the stop released have stored <c>lastSeenAt</c>;
/// otherwise they would write to a database the host has already disposed. Operators see how many are pending in
/// <c>/metrics</c>.
/// </summary>
public sealed class PresenceTracker : IHostedService
{
    readonly ConcurrentDictionary<Guid, int> connections = new();
    readonly ConcurrentDictionary<Guid, byte> announcedOnline = new();
    readonly ConcurrentDictionary<Guid, DateTime> lastLeft = new();
    readonly StripedLocks locks = new();
    readonly ConcurrentDictionary<Task, byte> pendingAnnouncements = new();

    public PresenceTracker(IMeterFactory meters) =>
        meters.Create(ConfabMetrics.MeterName).CreateObservableGauge(
            "confab.presence.offline_announcements_pending", () => pendingAnnouncements.Count, unit: "{announcement}",
            description: "Offline announcements waiting out their grace or being sent; they pile up when many users drop at once.");

    public bool IsOnline(Guid userId) => connections.ContainsKey(userId);

    /// <summary>What others were last told: online from the first connection until the offline grace has passed.</summary>
    public bool IsAnnouncedOnline(Guid userId) => announcedOnline.ContainsKey(userId);

    /// <summary>Returns true when this connection made the user come online.</summary>
    public bool Connected(Guid userId) =>
        connections.AddOrUpdate(userId, 1, (_, count) => count + 1) == 1;

    /// <summary>Returns true when this was the user's last connection.</summary>
    public bool Disconnected(Guid userId)
    {
        while (connections.TryGetValue(userId, out var count))
        {
            if (count == 1 && connections.TryRemove(new KeyValuePair<Guid, int>(userId, 1)))
                return true;
            if (count > 1 && connections.TryUpdate(userId, count - 1, count))
                return false;
        }
        return false;
    }

    /// <summary>Records when the user's last connection closed; a later close replaces it.</summary>
    public void Left(Guid userId, DateTime at) => lastLeft[userId] = at;

    /// <summary>True for the latest close only: the grace of an earlier one, superseded, decides nothing.</summary>
    public bool TryEndGrace(Guid userId, DateTime leftAt) =>
        lastLeft.TryRemove(new KeyValuePair<Guid, DateTime>(userId, leftAt));

    /// <summary>Keeps an announcement that waits out a grace until it has run, so that stopping waits for it.</summary>
    public void Pending(Task announcement)
    {
        pendingAnnouncements.TryAdd(announcement, 0);
        announcement.ContinueWith(done => pendingAnnouncements.TryRemove(done, out _), TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>By now every grace has ended: the stopping token cut them short, so this waits for their writes only.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(pendingAnnouncements.Keys).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Serializes announcing one user's presence, so a quick disconnect and reconnect cannot be told backwards.</summary>
    public Task<IDisposable> LockAsync(Guid userId, CancellationToken ct) => locks.EnterAsync(userId, ct);

    /// <summary>Under the user's lock: true when the user's current state differs from the last one announced, which it now is.</summary>
    public bool TryAnnounce(Guid userId) => IsOnline(userId)
        ? announcedOnline.TryAdd(userId, 0)
        : announcedOnline.TryRemove(userId, out _);
}
