using Confab.Common;
using Confab.Data;
using Confab.Notifications;
using Confab.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Confab.Channels;

/// <summary>Who is in a channel: join, leave, add, remove, roles, and each member's cursors and mute.</summary>
public sealed class MemberService(
    ChatDb db,
    ChannelAccess access,
    ChannelService channels,
    NotificationService notifications,
    ChatEvents events,
    TimeProvider clock)
{
    public async Task<ChannelResponse> JoinAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        // A private channel one was never added to stays invisible (404), except to global admins (403).
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("joined");
        if (!view.IsMember)
        {
            if (view.Channel.Type != ChannelType.Public)
                throw ConfabError.Forbidden("Private channels are joined only by being added.");
            view.RequireWritable();
            await AddAsync(view.Channel, me.Id, ct);
        }
        return await channels.GetResponseAsync(channelId, me.Id, ct);
    }

    public async Task LeaveAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("left").RequireMember();
        await RemoveAsync(view.Channel, view.Membership!, ct);
    }

    public async Task<Page<ChannelMemberResponse>> ListAsync(
        CurrentUser me, Guid channelId, string? cursor, int? limit, CancellationToken ct)
    {
        await access.SeeAsync(me, channelId, ct);
        var take = PageRequest.Limit(limit);
        var after = PageRequest.DecodeCursor(cursor);
        var members = db.ChannelMembers.AsNoTracking().Where(m => m.ChannelId == channelId);
        if (after is not null)
            members = members.Where(m => string.Compare(m.User!.Username, after) > 0);
        var rows = await members.OrderBy(m => m.User!.Username).Take(take + 1).ToResponses().ToListAsync(ct);
        return Page.From(rows, take, m => PageRequest.EncodeCursor(m.Username));
    }

    /// <summary>Adds a user; the bool says whether they were added now (false: already a member).</summary>
    public async Task<(ChannelMemberResponse Member, bool Added)> AddMemberAsync(
        CurrentUser me, Guid channelId, Guid userId, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("given members").RequireWritable();
        var mayAdd = view.CanManage(me) || (view.Channel.Type == ChannelType.Public && view.IsMember);
        if (!mayAdd)
            throw ConfabError.Forbidden("Only channel owners and admins may add members here.");
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
            throw ConfabError.NotFound("user");
        var added = !await db.ChannelMembers.AnyAsync(m => m.ChannelId == channelId && m.UserId == userId, ct);
        // Adding oneself (a global admin entering a private channel) is no invitation.
        if (added)
            await AddAsync(view.Channel, userId, ct, invitedBy: userId == me.Id ? null : me.Id);
        return (await MemberResponseAsync(channelId, userId, ct), added);
    }

    public async Task RemoveMemberAsync(CurrentUser me, Guid channelId, Guid userId, CancellationToken ct)
    {
        if (userId == me.Id)
        {
            await LeaveAsync(me, channelId, ct);
            return;
        }
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("changed").RequireWritable();
        if (!view.CanManage(me))
            throw ConfabError.Forbidden("Only channel owners and admins may remove members.");
        var target = await FindMemberAsync(channelId, userId, ct);
        if (target.Role == ChannelRole.Owner && !view.IsOwnerOrGlobalAdmin(me))
            throw ConfabError.Forbidden("Only owners may remove an owner.");
        await RemoveAsync(view.Channel, target, ct);
    }

    public async Task<ChannelMemberResponse> SetRoleAsync(
        CurrentUser me, Guid channelId, Guid userId, ChannelRole role, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("changed").RequireWritable();
        if (!view.IsOwnerOrGlobalAdmin(me))
            throw ConfabError.Forbidden("Only channel owners may change roles.");
        var target = await FindMemberAsync(channelId, userId, ct);
        if (target.Role == ChannelRole.Owner && role != ChannelRole.Owner && await IsLastOwnerAsync(target, ct))
            throw ConfabError.Conflict("The channel would have no owner left.", "last_owner");
        target.Role = role;
        await db.SaveChangesAsync(ct);
        return await MemberResponseAsync(channelId, userId, ct);
    }

    public async Task MarkReadAsync(CurrentUser me, Guid channelId, long seq, CancellationToken ct) =>
        await MoveCursorsAsync(me, channelId, seq, read: true, ct);

    public async Task MarkDeliveredAsync(CurrentUser me, Guid channelId, long seq, CancellationToken ct) =>
        await MoveCursorsAsync(me, channelId, seq, read: false, ct);

    public async Task MuteAsync(CurrentUser me, Guid channelId, bool muted, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireMember();
        view.Membership!.Muted = muted;
        await db.SaveChangesAsync(ct);
    }

    // Cursors only move forward, and reading a message implies it was delivered.
    async Task MoveCursorsAsync(CurrentUser me, Guid channelId, long seq, bool read, CancellationToken ct)
    {
        if (seq < 0)
            throw ConfabError.Validation("seq", "seq must not be negative.");
        var view = (await access.SeeAsync(me, channelId, ct)).RequireMember();
        var target = Math.Min(seq, view.Channel.LastSeq);
        var member = db.ChannelMembers.Where(m => m.ChannelId == channelId && m.UserId == me.Id);
        var moved = await member.Where(m => m.LastDeliveredSeq < target)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastDeliveredSeq, target), ct);
        if (read)
        {
            moved += await member.Where(m => m.LastReadSeq < target)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastReadSeq, target), ct);
        }
        if (moved == 0)
            return;
        var cursors = await member.AsNoTracking().Select(m => new { m.LastReadSeq, m.LastDeliveredSeq }).SingleAsync(ct);
        await events.ReadReceiptAsync(new ReadReceipt(channelId, me.Id, cursors.LastReadSeq, cursors.LastDeliveredSeq), ct);
    }

    async Task AddAsync(Channel channel, Guid userId, CancellationToken ct, Guid? invitedBy = null)
    {
        var member = new ChannelMember
        {
            ChannelId = channel.Id,
            UserId = userId,
            Role = ChannelRole.Member,
            JoinedAt = clock.Now(),
            LastReadSeq = channel.LastSeq,
            LastDeliveredSeq = channel.LastSeq,
        };
        db.ChannelMembers.Add(member);
        var invite = invitedBy is { } actor ? notifications.AddChannelInvite(userId, actor, channel) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return; // a concurrent request added them first, and published the events
        }

        await events.MemberJoinedAsync(channel.Id, await MemberResponseAsync(channel.Id, userId, ct), ct);
        await events.ChannelAddedAsync(userId, await channels.GetResponseAsync(channel.Id, userId, ct), ct);
        if (invite is not null)
            await notifications.PublishAsync([invite], ct);
    }

    async Task RemoveAsync(Channel channel, ChannelMember member, CancellationToken ct)
    {
        if (member.Role == ChannelRole.Owner && await IsLastOwnerAsync(member, ct)
            && await db.ChannelMembers.AnyAsync(m => m.ChannelId == channel.Id && m.UserId != member.UserId, ct))
            throw ConfabError.Conflict("The last owner cannot leave while others remain; make someone else owner first.", "last_owner");
        db.ChannelMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        await events.ChannelRemovedAsync(member.UserId, channel.Id, ct);
        await events.MemberLeftAsync(channel.Id, member.UserId, ct);
    }

    async Task<bool> IsLastOwnerAsync(ChannelMember owner, CancellationToken ct) =>
        !await db.ChannelMembers.AnyAsync(
            m => m.ChannelId == owner.ChannelId && m.UserId != owner.UserId && m.Role == ChannelRole.Owner, ct);

    async Task<ChannelMember> FindMemberAsync(Guid channelId, Guid userId, CancellationToken ct) =>
        await db.ChannelMembers.FirstOrDefaultAsync(m => m.ChannelId == channelId && m.UserId == userId, ct)
            ?? throw ConfabError.NotFound("member");

    Task<ChannelMemberResponse> MemberResponseAsync(Guid channelId, Guid userId, CancellationToken ct) =>
        db.ChannelMembers.AsNoTracking().Where(m => m.ChannelId == channelId && m.UserId == userId).ToResponses().SingleAsync(ct);
}
