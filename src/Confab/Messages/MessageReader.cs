using System.Linq.Expressions;
using Confab.Common;
using Confab.Data;
using Confab.Users;
using Microsoft.EntityFrameworkCore;

namespace Confab.Messages;

/// <summary>
/// Builds message responses for a viewer in a fixed number of queries per page: the rows, their reactions, their
/// mentions, and the lowest member cursors of their channels, from which each message's status is derived.
/// </summary>
public sealed class MessageReader(ChatDb db)
{
    public async Task<List<MessageResponse>> ReadAsync(IQueryable<Message> messages, Guid viewerId, CancellationToken ct) =>
        await BuildAsync(await messages.AsNoTracking().Join(db.Users, m => m.AuthorId, u => u.Id, RowOf).ToListAsync(ct), viewerId, ct);

    /// <summary>Up to <paramref name="take"/> messages of a channel before a seq (or from its end), newest first.</summary>
    public async Task<List<MessageResponse>> ReadBeforeAsync(
        Guid channelId, long? before, int take, Guid viewerId, CancellationToken ct) =>
        await BuildAsync(await Before(db, channelId, before ?? long.MaxValue, take).ToListAsync(ct), viewerId, ct);

    /// <summary>Up to <paramref name="take"/> messages of a channel after a seq, oldest first.</summary>
    public async Task<List<MessageResponse>> ReadAfterAsync(
        Guid channelId, long after, int take, Guid viewerId, CancellationToken ct) =>
        await BuildAsync(await After(db, channelId, after, take).ToListAsync(ct), viewerId, ct);

    async Task<List<MessageResponse>> BuildAsync(List<MessageRow> rows, Guid viewerId, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];

        var ids = rows.Select(r => r.Id).ToList();
        var reactions = (await Reactions(db, ids, viewerId).ToListAsync(ct))
            .OrderBy(r => r.First).ThenBy(r => r.Emoji, StringComparer.Ordinal)
            .ToLookup(r => r.MessageId, r => new ReactionSummary(r.Emoji, r.Count, r.Me));
        var mentions = (await Mentions(db, ids).ToListAsync(ct)).ToLookup(m => m.MessageId, m => m.UserId);
        var cursors = new Dictionary<Guid, LowestCursors>();
        foreach (var channelId in rows.Select(r => r.ChannelId).Distinct())
            cursors[channelId] = LowestCursors.From(await Cursors(db, channelId).ToListAsync(ct));

        return rows.Select(r => new MessageResponse(
            r.Id, r.ChannelId, r.Seq, new UserSummary(r.AuthorId, r.AuthorName, r.AuthorDisplay),
            r.Content, r.ClientMessageId, r.ParentId, r.ReplyCount,
            reactions[r.Id].ToList(), mentions[r.Id].ToList(),
            r.CreatedAt, r.EditedAt, r.DeletedAt, cursors[r.ChannelId].StatusOf(r.Seq, r.AuthorId))).ToList();
    }

    /// <summary>
    /// A message just committed, built from what the poster already holds instead of read back: it has no reactions
    /// or replies yet, and no other member's cursor can be past a seq that did not exist, so its status is sent.
    /// </summary>
    public static MessageResponse Fresh(Message message, UserSummary author, IReadOnlyList<Guid> mentions) => new(
        message.Id, message.ChannelId, message.Seq, author, message.Content, message.ClientMessageId, message.ParentId,
        0, [], mentions, message.CreatedAt, null, null, MessageStatus.Sent);

    public async Task<MessageResponse> ReadOneAsync(Guid messageId, Guid viewerId, CancellationToken ct) =>
        (await ReadAsync(db.Messages.Where(m => m.Id == messageId), viewerId, ct)).Single();

    // The author is joined explicitly: through the navigation, EF limits a page in a subquery first and then joins and
    // sorts it a second time, which cost SQLite a third more to compile and run.
    static readonly Expression<Func<Message, User, MessageRow>> RowOf = (m, u) => new MessageRow(
        m.Id, m.ChannelId, m.Seq, m.AuthorId, u.Username, u.DisplayName, m.Content, m.ClientMessageId,
        m.ParentId, m.ReplyCount, m.CreatedAt, m.EditedAt, m.DeletedAt);

    // The queries below run for every page and post, so they are compiled once rather than translated per call.
    static readonly Func<ChatDb, Guid, long, int, IAsyncEnumerable<MessageRow>> Before = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId, long before, int take) => db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Seq < before).OrderByDescending(m => m.Seq)
            .Join(db.Users, m => m.AuthorId, u => u.Id, RowOf).Take(take));

    static readonly Func<ChatDb, Guid, long, int, IAsyncEnumerable<MessageRow>> After = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId, long after, int take) => db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Seq > after).OrderBy(m => m.Seq)
            .Join(db.Users, m => m.AuthorId, u => u.Id, RowOf).Take(take));

    static readonly Func<ChatDb, List<Guid>, Guid, IAsyncEnumerable<ReactionGroup>> Reactions = EF.CompileAsyncQuery(
        (ChatDb db, List<Guid> ids, Guid viewerId) => db.Reactions.Where(r => ids.Contains(r.MessageId))
            .GroupBy(r => new { r.MessageId, r.Emoji })
            // Counted in the group rather than Any(), which EF makes a subquery that reads the page's reactions again.
            .Select(g => new ReactionGroup(g.Key.MessageId, g.Key.Emoji, g.Count(), g.Count(r => r.UserId == viewerId) > 0, g.Min(r => r.CreatedAt))));

    static readonly Func<ChatDb, List<Guid>, IAsyncEnumerable<MessageMention>> Mentions = EF.CompileAsyncQuery(
        (ChatDb db, List<Guid> ids) => db.MessageMentions.AsNoTracking().Where(m => ids.Contains(m.MessageId)));

    // The two lowest cursors suffice: the lowest among members other than the author is one of them.
    static readonly Func<ChatDb, Guid, IAsyncEnumerable<Cursor>> Cursors = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId) => db.ChannelMembers.Where(m => m.ChannelId == channelId)
            .OrderBy(m => m.LastReadSeq).Take(2).Select(m => new { IsRead = true, m.UserId, Seq = m.LastReadSeq })
            .Concat(db.ChannelMembers.Where(m => m.ChannelId == channelId)
                .OrderBy(m => m.LastDeliveredSeq).Take(2).Select(m => new { IsRead = false, m.UserId, Seq = m.LastDeliveredSeq }))
            .Select(c => new Cursor(c.IsRead, c.UserId, c.Seq)));

    sealed record MessageRow(
        Guid Id, Guid ChannelId, long Seq, Guid AuthorId, string AuthorName, string AuthorDisplay, string Content,
        string? ClientMessageId, Guid? ParentId, int ReplyCount, DateTime CreatedAt, DateTime? EditedAt, DateTime? DeletedAt);

    sealed record ReactionGroup(Guid MessageId, string Emoji, int Count, bool Me, DateTime First);

    sealed record Cursor(bool IsRead, Guid UserId, long Seq);

    sealed record LowestCursors(List<Cursor> Read, List<Cursor> Delivered)
    {
        public static LowestCursors From(List<Cursor> cursors) => new(
            cursors.Where(c => c.IsRead).OrderBy(c => c.Seq).ToList(),
            cursors.Where(c => !c.IsRead).OrderBy(c => c.Seq).ToList());

        public MessageStatus StatusOf(long seq, Guid authorId) =>
            Reached(Read, seq, authorId) ? MessageStatus.Read
            : Reached(Delivered, seq, authorId) ? MessageStatus.Delivered
            : MessageStatus.Sent;

        // With nobody else in the channel the message has reached no one.
        static bool Reached(List<Cursor> lowest, long seq, Guid authorId) =>
            lowest.FirstOrDefault(c => c.UserId != authorId) is { } other && other.Seq >= seq;
    }
}
