using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Channels;

/// <summary>A channel as the caller sees it, with the caller's membership when they have one.</summary>
public sealed record ChannelView(Channel Channel, ChannelMember? Membership)
{
    public bool IsMember => Membership is not null;
    public bool IsArchived => Channel.ArchivedAt is not null;
    public bool IsDirect => Channel.Type == ChannelType.Direct;

    /// <summary>Channel owners and admins manage a channel; global admins manage every channel they can see.</summary>
    public bool CanManage(CurrentUser me) => me.IsAdmin || Membership?.Role is ChannelRole.Owner or ChannelRole.Admin;

    public bool IsOwnerOrGlobalAdmin(CurrentUser me) => me.IsAdmin || Membership?.Role is ChannelRole.Owner;

    public ChannelView RequireMember()
    {
        if (Membership is null)
            throw ConfabError.Forbidden("Only members of the channel may do this.");
        return this;
    }

    public ChannelView RequireWritable()
    {
        if (IsArchived)
            throw ConfabError.ChannelArchived();
        return this;
    }

    public ChannelView RequireNotDirect(string action)
    {
        if (IsDirect)
            throw ConfabError.Forbidden($"Direct channels cannot be {action}.");
        return this;
    }
}

/// <summary>The visibility rule, in one place for every path: what the caller may not see does not exist (404).</summary>
public sealed class ChannelAccess(ChatDb db, KeptStatements statements)
{
    static bool CanSee(ChannelType type, bool isMember, CurrentUser me) => type switch
    {
        ChannelType.Public => true,
        ChannelType.Private => isMember || me.IsAdmin,
        _ => isMember,
    };

    /// <summary>The channel as <paramref name="me"/> sees it, or 404. Tracked, so callers may change it and save.</summary>
    public async Task<ChannelView> SeeAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        var seen = await See(db, channelId, me.Id, ct);
        if (seen is null || !CanSee(seen.Channel.Type, seen.Membership is not null, me))
            throw ConfabError.NotFound("channel");
        return new ChannelView(seen.Channel, seen.Membership);
    }

    /// <summary>
    /// The last seq of a channel <paramref name="me"/> may see, or 404: the check before every history page and sync.
    /// On a kept statement (<see cref="KeptStatements"/>), since through EF it took a page a tenth of its CPU.
    /// </summary>
    public long SeeLastSeq(CurrentUser me, Guid channelId)
    {
        using var session = statements.Rent();
        using var seen = session.Query(LastSeqSql, ("$channel", SqlValues.Text(channelId)), ("$user", SqlValues.Text(me.Id)));
        if (!seen.Read() || !CanSee(Enum.Parse<ChannelType>(seen.GetString(0)), isMember: !seen.IsDBNull(2), me))
            throw ConfabError.NotFound("channel");
        return seen.GetInt64(1);
    }

    const string LastSeqSql = """
        SELECT "c"."Type", "c"."LastSeq", "m"."UserId"
        FROM "Channels" AS "c"
        LEFT JOIN "ChannelMembers" AS "m" ON "m"."ChannelId" = "c"."Id" AND "m"."UserId" = $user
        WHERE "c"."Id" = $channel
        """;

    // One round trip, compiled once: this runs on every message post and read. A join on the membership's key, since
    // EF turns a FirstOrDefault over the members into a window function over every membership of the user.
    static readonly Func<ChatDb, Guid, Guid, CancellationToken, Task<Seen?>> See = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId, Guid userId, CancellationToken ct) => db.Channels.Where(c => c.Id == channelId)
            .LeftJoin(db.ChannelMembers.Where(m => m.UserId == userId), c => c.Id, m => m.ChannelId, (c, m) => new Seen(c, m))
            .FirstOrDefault());

    sealed record Seen(Channel Channel, ChannelMember? Membership);

    /// <summary>Ids of the channels <paramref name="me"/> may read: their own and every public one.</summary>
    public IQueryable<Guid> ReadableChannelIds(CurrentUser me) =>
        db.Channels.Where(c => c.Type == ChannelType.Public || c.Members.Any(m => m.UserId == me.Id)).Select(c => c.Id);
}
