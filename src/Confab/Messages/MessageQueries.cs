using Confab.Common;
using Confab.Data;

namespace Confab.Messages;

/// <summary>Reading one message and a thread's replies; a channel's history is <see cref="MessageHistory"/>.</summary>
public sealed class MessageQueries(ChatDb db, MessageService messages, MessageReader reader)
{
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
        return MessageHistory.PageOf(await reader.ReadAsync(replies.Take(take + 1), me.Id, ct), take);
    }
}
