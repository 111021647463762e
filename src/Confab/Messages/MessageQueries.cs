using System.Globalization;
using Confab.Channels;
using Confab.Common;
using Confab.Data;

namespace Confab.Messages;

/// <summary>Reading messages: history by seq, one message, thread replies.</summary>
public sealed class MessageQueries(ChatDb db, ChannelAccess access, MessageService messages, MessageReader reader)
{
    public async Task<MessagePage> HistoryAsync(
        CurrentUser me, Guid channelId, long? before, long? after, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        if (before is not null && after is not null)
            throw ConfabError.Validation("before", "Give before or after, not both.");
        if (before < 0 || after < 0)
            throw ConfabError.Validation(before is not null ? "before" : "after", "A seq is never negative.");
        await using var connection = await db.HoldConnectionAsync(ct);
        var view = await access.SeeAsync(me, channelId, ct);
        // Nothing after the channel's last seq: a client that missed nothing syncs without a page query.
        if (after >= view.Channel.LastSeq)
            return new MessagePage([], null);

        var inChannel = db.Messages.Where(m => m.ChannelId == channelId);
        var page = after is { } from
            ? inChannel.Where(m => m.Seq > from).OrderBy(m => m.Seq)
            : inChannel.Where(m => before == null || m.Seq < before).OrderByDescending(m => m.Seq);
        return await ReadPageAsync(page, take, me, ct);
    }

    public async Task<MessageResponse> GetAsync(CurrentUser me, Guid messageId, CancellationToken ct)
    {
        await using var connection = await db.HoldConnectionAsync(ct);
        await messages.SeeAsync(me, messageId, ct);
        return await reader.ReadOneAsync(messageId, me.Id, ct);
    }

    public async Task<MessagePage> RepliesAsync(CurrentUser me, Guid messageId, long? after, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        if (after < 0)
            throw ConfabError.Validation("after", "A seq is never negative.");
        await using var connection = await db.HoldConnectionAsync(ct);
        await messages.SeeAsync(me, messageId, ct);
        var replies = db.Messages.Where(m => m.ParentId == messageId && m.Seq > (after ?? 0)).OrderBy(m => m.Seq);
        return await ReadPageAsync(replies, take, me, ct);
    }

    async Task<MessagePage> ReadPageAsync(IQueryable<Message> ordered, int take, CurrentUser me, CancellationToken ct)
    {
        var rows = await reader.ReadAsync(ordered.Take(take + 1), me.Id, ct);
        return rows.Count > take
            ? new MessagePage(rows[..take], rows[take - 1].Seq.ToString(CultureInfo.InvariantCulture))
            : new MessagePage(rows, null);
    }
}
