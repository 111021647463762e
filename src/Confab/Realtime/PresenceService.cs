using Confab.Common;
using Confab.Data;

using Microsoft.EntityFrameworkCore;

namespace Confab.Realtime;

/// <summary>
/// Turns connection counts into presence: online when the first connection opens, offline (with
/// <c>lastSeenAt</c> stored on the user) when the last one closes, each told once to the users sharing a channel.
/// </summary>
public sealed class PresenceService(ChatDb db, PresenceTracker tracker, ChatEvents events, TimeProvider clock)
{
    public async Task ConnectedAsync(Guid userId, CancellationToken ct)
    {
        if (tracker.Connected(userId))
            await AnnounceAsync(userId, ct);
    }

    public async Task DisconnectedAsync(Guid userId, CancellationToken ct)
    {
        if (tracker.Disconnected(userId))
            await AnnounceAsync(userId, ct);
    }

    // Announces the state as it is now rather than the transition that triggered the call: with a quick disconnect
    // and reconnect the two calls may take the lock in either order, and the last announcement must be the truth.
    async Task AnnounceAsync(Guid userId, CancellationToken ct)
    {
        using var _ = await tracker.LockAsync(userId, ct);
        if (!tracker.TryAnnounce(userId))
            return;
        DateTime? lastSeenAt;
        if (tracker.IsOnline(userId))
        {
            lastSeenAt = await db.Users.Where(u => u.Id == userId).Select(u => u.LastSeenAt).SingleAsync(ct);
        }
        else
        {
            lastSeenAt = clock.Now();
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, lastSeenAt), ct);
        }
        var presence = tracker.IsOnline(userId) ? Presence.Online : Presence.Offline;
        await events.PresenceChangedAsync(new PresenceChangedEvent(userId, presence, lastSeenAt), ct);
    }
}
