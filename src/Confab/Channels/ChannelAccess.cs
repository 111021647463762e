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
    /// The channel as <paramref name="me"/> sees it, or 404, read on a kept statement (<see cref="KeptStatements"/>)
    /// and not tracked: the check before every post, history page and sync, where through EF it took a tenth of a
    /// page's CPU. Reads what is committed, so call it outside a transaction.
    /// </summary>
    public ChannelView SeeCommitted(CurrentUser me, Guid channelId)
    {
        using var session = statements.Rent();
        return SeeCommitted(session, me, channelId);
    }

    /// <inheritdoc cref="SeeCommitted(CurrentUser, Guid)"/>
    public static ChannelView SeeCommitted(KeptStatements.Session session, CurrentUser me, Guid channelId)
    {
        using var row = session.Query(SeenSql, ("$channel", SqlValues.Text(channelId)), ("$user", SqlValues.Text(me.Id)));
        if (!row.Read())
            throw ConfabError.NotFound("channel");
        var channel = new Channel
        {
            Id = channelId,
            Name = row.IsDBNull(0) ? null : row.GetString(0),
            NormalizedName = row.IsDBNull(1) ? null : row.GetString(1),
            Type = Enum.Parse<ChannelType>(row.GetString(2)),
            Topic = row.GetString(3),
            CreatedBy = row.GetGuid(4),
            CreatedAt = row.GetStoredTime(5),
            ArchivedAt = row.IsDBNull(6) ? null : row.GetStoredTime(6),
            LastSeq = row.GetInt64(7),
            DirectKey = row.IsDBNull(8) ? null : row.GetString(8),
        };
        var membership = row.IsDBNull(9) ? null : new ChannelMember
        {
            ChannelId = channelId,
            UserId = me.Id,
            Role = Enum.Parse<ChannelRole>(row.GetString(9)),
            JoinedAt = row.GetStoredTime(10),
            LastReadSeq = row.GetInt64(11),
            LastDeliveredSeq = row.GetInt64(12),
            Muted = row.GetBoolean(13),
        };
        if (!CanSee(channel.Type, membership is not null, me))
            throw ConfabError.NotFound("channel");
        return new ChannelView(channel, membership);
    }

    const string SeenSql = """
        SELECT "c"."Name", "c"."NormalizedName", "c"."Type", "c"."Topic", "c"."CreatedBy", "c"."CreatedAt", "c"."ArchivedAt",
            "c"."LastSeq", "c"."DirectKey", "m"."Role", "m"."JoinedAt", "m"."LastReadSeq", "m"."LastDeliveredSeq", "m"."Muted"
        FROM "Channels" AS "c"
        LEFT JOIN "ChannelMembers" AS "m" ON "m"."ChannelId" = "c"."Id" AND "m"."UserId" = $user
        WHERE "c"."Id" = $channel
        """;

    // One round trip, compiled once: every change to a channel, its members or its messages runs it. A join on the
    // membership's key, since EF turns a FirstOrDefault over the members into a window function over every membership.
    static readonly Func<ChatDb, Guid, Guid, CancellationToken, Task<Seen?>> See = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId, Guid userId, CancellationToken ct) => db.Channels.Where(c => c.Id == channelId)
            .LeftJoin(db.ChannelMembers.Where(m => m.UserId == userId), c => c.Id, m => m.ChannelId, (c, m) => new Seen(c, m))
            .FirstOrDefault());

    sealed record Seen(Channel Channel, ChannelMember? Membership);

    /// <summary>Ids of the channels <paramref name="me"/> may read: their own and every public one.</summary>
    public IQueryable<Guid> ReadableChannelIds(CurrentUser me) =>
        db.Channels.Where(c => c.Type == ChannelType.Public || c.Members.Any(m => m.UserId == me.Id)).Select(c => c.Id);
}
