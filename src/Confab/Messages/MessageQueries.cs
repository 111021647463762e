using System.Globalization;
using Confab.Channels;
using Confab.Common;
using Confab.Data;

namespace Confab.Messages;

/// <summary>Reading messages: history by seq, one message, thread replies.</summary>
public sealed class MessageQueries(ChatDb db, ChannelAccess access, MessageService messages, MessageReader reader)
{
    public MessagePage History(CurrentUser me, Guid channelId, long? before, long? after, int? limit)
    {
        var take = PageRequest.Limit(limit);
        if (before is not null && after is not null)
            throw ConfabError.Validation("before", "Give before or after, not both.");
        if (before < 0 || after < 0)
            throw ConfabError.Validation(before is not null ? "before" : "after", "A seq is never negative.");
        // Nothing after the channel's last seq: a client that missed nothing syncs without a page query.
        if (after >= access.SeeCommitted(me, channelId).Channel.LastSeq)
            return new MessagePage([], null);

        var rows = after is { } from
            ? reader.ReadAfter(channelId, from, take + 1, me.Id)
            : reader.ReadBefore(channelId, before, take + 1, me.Id);
        return PageOf(rows, take);
    }

    public async Task<MessageResponse> GetAsync(CurrentUser me, Guid messageId, CancellationToken ct)
    {
        await using var connection = await db.HoldConnectionAsync(ct);
        await messages.SeeAsync(me, messageId, ct);
        return reader.ReadOne(messageId, me.Id);
    }

    public async Task<MessagePage> RepliesAsync(CurrentUser me, Guid messageId, long? after, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        if (after < 0)
            throw ConfabError.Validation("after", "A seq is never negative.");
        await using var connection = await db.HoldConnectionAsync(ct);
        await messages.SeeAsync(me, messageId, ct);
        var replies = db.Messages.Where(m => m.ParentId == messageId && m.Seq > (after ?? 0)).OrderBy(m => m.Seq);
        return PageOf(await reader.ReadAsync(replies.Take(take + 1), me.Id, ct), take);
    }

    static MessagePage PageOf(List<MessageResponse> rows, int take) => rows.Count > take
        ? new MessagePage(rows[..take], rows[take - 1].Seq.ToString(CultureInfo.InvariantCulture))
        : new MessagePage(rows, null);
}
