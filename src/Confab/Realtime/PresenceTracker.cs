using System.Collections.Concurrent;

namespace Confab.Realtime;

/// <summary>Counts each user's live hub connections on this node: online while at least one is open.</summary>
public sealed class PresenceTracker
{
    readonly ConcurrentDictionary<Guid, int> connections = new();
    readonly ConcurrentDictionary<Guid, byte> announcedOnline = new();
    readonly StripedLocks locks = new();

    public bool IsOnline(Guid userId) => connections.ContainsKey(userId);

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

    /// <summary>Serializes announcing one user's presence, so a quick disconnect and reconnect cannot be told backwards.</summary>
    public Task<IDisposable> LockAsync(Guid userId, CancellationToken ct) => locks.EnterAsync(userId, ct);

    /// <summary>Under the user's lock: true when the user's current state differs from the last one announced, which it now is.</summary>
    public bool TryAnnounce(Guid userId) => IsOnline(userId)
        ? announcedOnline.TryAdd(userId, 0)
        : announcedOnline.TryRemove(userId, out _);
}
