using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Realtime;

/// <summary>Typing signals: members of a writable channel only, at most one event per user per channel per 2 s.</summary>
public sealed class TypingService(ChatDb db, ChannelAccess access, TypingThrottle throttle, ChatEvents events)
{
    /// <param name="username">The caller's username when the caller already knows it (from the token), to save a query.</param>
    public async Task StartAsync(CurrentUser me, Guid channelId, string? username, string connectionId, CancellationToken ct)
    {
        (await access.SeeAsync(me, channelId, ct)).RequireMember().RequireWritable();
        if (!throttle.TryForward(me.Id, channelId))
            return;
        username ??= await db.Users.Where(u => u.Id == me.Id).Select(u => u.Username).SingleAsync(ct);
        await events.TypingAsync(new TypingEvent(channelId, me.Id, username), connectionId);
    }
}
