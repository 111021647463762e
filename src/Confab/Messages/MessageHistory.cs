using System.Globalization;
using Confab.Channels;
using Confab.Common;
using Confab.Data;

namespace Confab.Messages;

/// <summary>
/// A channel's messages by seq, for history pages and sync. The check that the caller may see the channel and the
/// page itself are one read (<see cref="KeptStatements"/>): one snapshot, and no database context, which these reads
/// never needed, leased for them.
/// </summary>
public sealed class MessageHistory(KeptStatements statements)
{
    public MessagePage Read(CurrentUser me, Guid channelId, long? before, long? after, int? limit)
    {
        var take = PageRequest.Limit(limit);
        if (before is not null && after is not null)
            throw ConfabError.Validation("before", "Give before or after, not both.");
        if (before < 0 || after < 0)
            throw ConfabError.Validation(before is not null ? "before" : "after", "A seq is never negative.");
        using var session = statements.Rent();
        // Nothing after the channel's last seq: a client that missed nothing syncs without a page query.
        if (after >= ChannelAccess.SeeCommitted(session, me, channelId).Channel.LastSeq)
            return new MessagePage([], null);

        var rows = after is { } from
            ? MessageReader.ReadAfter(session, channelId, from, take + 1, me.Id)
            : MessageReader.ReadBefore(session, channelId, before, take + 1, me.Id);
        return PageOf(rows, take);
    }

    /// <summary>The first <paramref name="take"/> rows, and the cursor to go on from when a row past them was read.</summary>
    public static MessagePage PageOf(List<MessageResponse> rows, int take) => rows.Count > take
        ? new MessagePage(rows[..take], rows[take - 1].Seq.ToString(CultureInfo.InvariantCulture))
        : new MessagePage(rows, null);
}
