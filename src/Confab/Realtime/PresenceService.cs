using Confab.Common;
using Confab.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Confab.Realtime;

/// <summary>
/// Turns connection counts into presence: online when the first connection opens, offline (with
/// <c>lastSeenAt</c> stored on the user) once the last one has stayed closed for the offline grace, each told once to
/// the users sharing a channel. Without the grace, every client of a restarted node or a flaky network would make its
/// user flicker offline and online to everyone, and in a reconnect storm those announcements were most of the work.
/// </summary>
public sealed partial class PresenceService(
    ChatDb db,
    PresenceTracker tracker,
    LastSeenStore lastSeen,
    ChatEvents events,
    TimeProvider clock,
    IOptions<RealtimeOptions> options,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    ILogger<PresenceService> logger)
{
    public async Task ConnectedAsync(Guid userId, CancellationToken ct)
    {
        if (tracker.Connected(userId))
            await AnnounceAsync(userId, clock.Now(), ct);
    }

    public async Task DisconnectedAsync(Guid userId, CancellationToken ct)
    {
        if (!tracker.Disconnected(userId))
            return;
        var leftAt = clock.Now();
        var grace = TimeSpan.FromSeconds(options.Value.OfflineGraceSeconds);
        // A node shutting down closes every connection; what it can still store, it stores now.
        if (grace == TimeSpan.Zero || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await AnnounceAsync(userId, leftAt, ct);
            return;
        }
        tracker.Left(userId, leftAt);
        tracker.Pending(AnnounceAfterGraceAsync(userId, leftAt, grace));
    }

    // Runs after the connection's scope has ended, so it takes a scope of its own. A node that starts shutting down
    // during the grace ends it, as it does for connections that close while it stops: no later pass would store
    // lastSeenAt.
    async Task AnnounceAfterGraceAsync(Guid userId, DateTime leftAt, TimeSpan grace)
    {
        try
        {
            await Task.Delay(grace, clock, lifetime.ApplicationStopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!tracker.TryEndGrace(userId, leftAt))
                return;
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PresenceService>().AnnounceAsync(userId, leftAt, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogAnnounceFailed(logger, e, userId);
        }
    }

    // Announces the state as it is now rather than the transition that triggered the call: with a quick disconnect
    // and reconnect the two calls may take the lock in either order, and the last announcement must be the truth.
    async Task AnnounceAsync(Guid userId, DateTime seenAt, CancellationToken ct)
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
            lastSeenAt = seenAt;
            await lastSeen.StoreAsync(userId, seenAt);
        }
        var presence = tracker.IsOnline(userId) ? Presence.Online : Presence.Offline;
        await events.PresenceChangedAsync(new PresenceChangedEvent(userId, presence, lastSeenAt), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcing that user {UserId} went offline failed")]
    static partial void LogAnnounceFailed(ILogger logger, Exception exception, Guid userId);
}
