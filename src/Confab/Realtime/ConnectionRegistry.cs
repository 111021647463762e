using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Confab.Realtime;

/// <summary>The live hub connections of each user on this node, so membership changes reach all of them at once.</summary>
public sealed class ConnectionRegistry
{
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byUser = new();

    public void Add(Guid userId, HubCallerContext connection) =>
        byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<string, HubCallerContext>())[connection.ConnectionId] = connection;

    public void Remove(Guid userId, string connectionId)
    {
        if (byUser.TryGetValue(userId, out var connections))
            connections.TryRemove(connectionId, out _);
    }

    public IReadOnlyCollection<HubCallerContext> Of(Guid userId) =>
        byUser.TryGetValue(userId, out var connections) ? connections.Values.ToList() : [];
}
