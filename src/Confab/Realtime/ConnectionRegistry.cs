using System.Collections.Concurrent;

using Microsoft.AspNetCore.SignalR;

namespace Confab.Realtime;

/// <summary>
/// The live hub connections of each user on this node, so membership changes reach all of them at once. Changes to a
/// user's connections and to their channel subscriptions take the user's lock, so a connection that is subscribing
/// while the user is removed from a channel cannot end up subscribed to it.
/// </summary>
public sealed class ConnectionRegistry
{
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byUser = new();
    readonly StripedLocks locks = new();

    public Task<IDisposable> LockAsync(Guid userId, CancellationToken ct) => locks.EnterAsync(userId, ct);

    public void Add(Guid userId, HubCallerContext connection) =>
        byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<string, HubCallerContext>())[connection.ConnectionId] = connection;

    public void Remove(Guid userId, string connectionId)
    {
        if (byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
            if (connections.IsEmpty)
                byUser.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<string, HubCallerContext>>(userId, connections));
        }
    }

    public IReadOnlyCollection<HubCallerContext> Of(Guid userId) =>
        byUser.TryGetValue(userId, out var connections) ? connections.Values.ToList() : [];
}
