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
public sealed class ChannelAccess(ChatDb db)
{
    public static bool CanSee(Channel channel, ChannelMember? membership, CurrentUser me) => channel.Type switch
    {
        ChannelType.Public => true,
        ChannelType.Private => membership is not null || me.IsAdmin,
        _ => membership is not null,
    };

    /// <summary>The channel as <paramref name="me"/> sees it, or 404. Tracked, so callers may change it and save.</summary>
    public async Task<ChannelView> SeeAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        var seen = await See(db, channelId, me.Id, ct);
        if (seen is null || !CanSee(seen.Channel, seen.Membership, me))
            throw ConfabError.NotFound("channel");
        return new ChannelView(seen.Channel, seen.Membership);
    }

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
