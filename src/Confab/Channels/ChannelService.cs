using Confab.Common;
using Confab.Data;
using Confab.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Confab.Channels;

/// <summary>Channels themselves: create, list, browse, rename, archive, and direct channels.</summary>
public sealed class ChannelService(ChatDb db, ChannelAccess access, ChatEvents events, TimeProvider clock)
{
    public async Task<ChannelResponse> CreateAsync(CurrentUser me, CreateChannelRequest request, CancellationToken ct)
    {
        if (request.Type is not (ChannelType.Public or ChannelType.Private))
            throw ConfabError.Validation("type", "type must be 'public' or 'private'; direct channels are opened with /api/channels/direct.");
        var name = request.Name.Trim();
        var now = clock.Now();
        var channel = new Channel
        {
            Id = Ids.New(),
            Name = name,
            NormalizedName = name.ToLowerInvariant(),
            Type = request.Type.Value,
            Topic = request.Topic?.Trim() ?? "",
            CreatedBy = me.Id,
            CreatedAt = now,
        };
        channel.Members.Add(new ChannelMember { UserId = me.Id, Role = ChannelRole.Owner, JoinedAt = now });
        await EnsureNameFreeAsync(channel.NormalizedName, null, ct);
        db.Channels.Add(channel);
        await db.SaveUniqueAsync("A channel with that name exists.", ct);

        var response = await GetResponseAsync(channel.Id, me.Id, ct);
        await events.ChannelAddedAsync(me.Id, response, ct);
        return response;
    }

    public async Task<Page<ChannelResponse>> ListMineAsync(CurrentUser me, CancellationToken ct)
    {
        var items = await db.Channels.AsNoTracking()
            .Where(c => c.Members.Any(m => m.UserId == me.Id))
            .OrderBy(c => c.Id)
            .ToResponses(db, me.Id)
            .ToListAsync(ct);
        return new Page<ChannelResponse>(items, null);
    }

    public async Task<Page<ChannelResponse>> BrowseAsync(
        CurrentUser me, string? query, string? cursor, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        var after = PageRequest.DecodeCursor(cursor);
        var text = query?.Trim().ToLowerInvariant() ?? "";
        var channels = db.Channels.AsNoTracking().Where(c => c.Type == ChannelType.Public && c.ArchivedAt == null);
        if (text.Length > 0)
            channels = channels.Where(c => c.NormalizedName!.Contains(text));
        if (after is not null)
            channels = channels.Where(c => string.Compare(c.NormalizedName, after) > 0);
        var rows = await channels.OrderBy(c => c.NormalizedName).Take(take + 1).ToResponses(db, me.Id).ToListAsync(ct);
        return Page.From(rows, take, c => PageRequest.EncodeCursor(c.Name!.ToLowerInvariant()));
    }

    public async Task<ChannelResponse> GetAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        await access.SeeAsync(me, channelId, ct);
        return await GetResponseAsync(channelId, me.Id, ct);
    }

    public async Task<ChannelResponse> UpdateAsync(CurrentUser me, Guid channelId, UpdateChannelRequest request, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("renamed").RequireWritable();
        if (!view.CanManage(me))
            throw ConfabError.Forbidden("Only channel owners and admins may change the channel.");
        var channel = view.Channel;
        if (request.Name is not null)
        {
            channel.Name = request.Name.Trim();
            channel.NormalizedName = channel.Name.ToLowerInvariant();
            await EnsureNameFreeAsync(channel.NormalizedName, channel.Id, ct);
        }
        if (request.Topic is not null)
            channel.Topic = request.Topic.Trim();
        await db.SaveUniqueAsync("A channel with that name exists.", ct);
        return await PublishUpdatedAsync(channelId, me.Id, ct);
    }

    public async Task ArchiveAsync(CurrentUser me, Guid channelId, CancellationToken ct)
    {
        var view = (await access.SeeAsync(me, channelId, ct)).RequireNotDirect("archived").RequireWritable();
        if (!view.IsOwnerOrGlobalAdmin(me))
            throw ConfabError.Forbidden("Only channel owners and global admins may archive the channel.");
        view.Channel.ArchivedAt = clock.Now();
        await db.SaveChangesAsync(ct);
        await PublishUpdatedAsync(channelId, me.Id, ct);
    }

    /// <summary>The one direct channel of the pair, created on first use; the bool says whether this call created it.</summary>
    public async Task<(ChannelResponse Channel, bool Created)> OpenDirectAsync(CurrentUser me, Guid otherUserId, CancellationToken ct)
    {
        if (otherUserId == me.Id)
            throw ConfabError.Validation("userId", "A direct channel needs another user.");
        if (!await db.Users.AnyAsync(u => u.Id == otherUserId && u.IsActive, ct))
            throw ConfabError.NotFound("user");
        var key = DirectKey(me.Id, otherUserId);
        var existing = await db.Channels.Where(c => c.DirectKey == key).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
            return (await GetResponseAsync(id, me.Id, ct), false);

        var now = clock.Now();
        var channel = new Channel { Id = Ids.New(), Type = ChannelType.Direct, CreatedBy = me.Id, CreatedAt = now, DirectKey = key };
        channel.Members.Add(new ChannelMember { UserId = me.Id, Role = ChannelRole.Member, JoinedAt = now });
        channel.Members.Add(new ChannelMember { UserId = otherUserId, Role = ChannelRole.Member, JoinedAt = now });
        db.Channels.Add(channel);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            // A concurrent request of the same pair created it first: answer with theirs.
            db.ChangeTracker.Clear();
            var winner = await db.Channels.Where(c => c.DirectKey == key).Select(c => c.Id).SingleAsync(ct);
            return (await GetResponseAsync(winner, me.Id, ct), false);
        }

        var mine = await GetResponseAsync(channel.Id, me.Id, ct);
        await events.ChannelAddedAsync(me.Id, mine, ct);
        await events.ChannelAddedAsync(otherUserId, await GetResponseAsync(channel.Id, otherUserId, ct), ct);
        return (mine, true);
    }

    public Task<ChannelResponse> GetResponseAsync(Guid channelId, Guid viewerId, CancellationToken ct) =>
        db.Channels.AsNoTracking().Where(c => c.Id == channelId).ToResponses(db, viewerId).SingleAsync(ct);

    async Task<ChannelResponse> PublishUpdatedAsync(Guid channelId, Guid viewerId, CancellationToken ct)
    {
        var response = await GetResponseAsync(channelId, viewerId, ct);
        await events.ChannelUpdatedAsync(response with { MyRole = null, LastReadSeq = null, UnreadCount = null, Muted = null }, ct);
        return response;
    }

    async Task EnsureNameFreeAsync(string normalizedName, Guid? except, CancellationToken ct)
    {
        if (await db.Channels.AnyAsync(c => c.NormalizedName == normalizedName && c.Id != except, ct))
            throw ConfabError.Conflict("A channel with that name exists.");
    }

    static string DirectKey(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}
