using System.Linq.Expressions;
using Confab.Common;
using Confab.Data;
using Confab.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Confab.Messages;

/// <summary>
/// Builds message responses for a viewer in a fixed number of queries per page: the rows, their reactions, their
/// mentions, and the lowest member cursors of their channels, from which each message's status is derived.
/// Every page, sync and published event runs these reads, so they are hand-written SQL on connections that keep them
/// compiled (<see cref="KeptStatements"/>), with values as EF stores them (<see cref="SqlValues"/>). They read what is
/// committed, so call them outside a transaction.
/// </summary>
public sealed class MessageReader(ChatDb db, KeptStatements statements)
{
    /// <summary>The messages a query selects, in its order; for the reads that are not hot enough for SQL of their own.</summary>
    public async Task<List<MessageResponse>> ReadAsync(IQueryable<Message> messages, Guid viewerId, CancellationToken ct)
    {
        var rows = await messages.AsNoTracking().Join(db.Users, m => m.AuthorId, u => u.Id, RowOf).ToListAsync(ct);
        using var session = statements.Rent();
        return Build(session, rows, viewerId);
    }

    /// <summary>Up to <paramref name="take"/> messages of a channel before a seq (or from its end), newest first.</summary>
    public static List<MessageResponse> ReadBefore(
        KeptStatements.Session session, Guid channelId, long? before, int take, Guid viewerId)
    {
        var rows = Rows(session.Query(BeforeSql,
            ("$channel", SqlValues.Text(channelId)), ("$seq", before ?? long.MaxValue), ("$take", take)));
        return Build(session, rows, viewerId);
    }

    /// <summary>Up to <paramref name="take"/> messages of a channel after a seq, oldest first.</summary>
    public static List<MessageResponse> ReadAfter(KeptStatements.Session session, Guid channelId, long after, int take, Guid viewerId)
    {
        var rows = Rows(session.Query(AfterSql, ("$channel", SqlValues.Text(channelId)), ("$seq", after), ("$take", take)));
        return Build(session, rows, viewerId);
    }

    public MessageResponse ReadOne(Guid messageId, Guid viewerId)
    {
        using var session = statements.Rent();
        return Build(session, Rows(session.Query(OneSql, ("$id", SqlValues.Text(messageId)))), viewerId).Single();
    }

    /// <summary>
    /// A message just committed, built from what the poster already holds instead of read back: it has no reactions
    /// or replies yet, and no other member's cursor can be past a seq that did not exist, so its status is sent.
    /// </summary>
    public static MessageResponse Fresh(Message message, UserSummary author, IReadOnlyList<Guid> mentions) => new(
        message.Id, message.ChannelId, message.Seq, author, message.Content, message.ClientMessageId, message.ParentId,
        0, [], mentions, message.CreatedAt, null, null, MessageStatus.Sent);

    static List<MessageResponse> Build(KeptStatements.Session session, List<MessageRow> rows, Guid viewerId)
    {
        if (rows.Count == 0)
            return [];

        var ids = SqlValues.JsonArray(rows, r => r.Id);
        var reactions = Read(session.Query(ReactionsSql, ("$ids", ids), ("$viewer", SqlValues.Text(viewerId))),
                r => new ReactionGroup(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetBoolean(3), r.GetStoredTime(4)))
            .OrderBy(r => r.First).ThenBy(r => r.Emoji, StringComparer.Ordinal)
            .ToLookup(r => r.MessageId, r => new ReactionSummary(r.Emoji, r.Count, r.Me));
        var mentions = Read(session.Query(MentionsSql, ("$ids", ids)), r => (MessageId: r.GetGuid(0), UserId: r.GetGuid(1)))
            .ToLookup(m => m.MessageId, m => m.UserId);
        var cursors = rows.Select(r => r.ChannelId).Distinct().ToDictionary(channelId => channelId, channelId =>
            LowestCursors.From(Read(session.Query(CursorsSql, ("$channel", SqlValues.Text(channelId))),
                r => new Cursor(r.GetBoolean(0), r.GetGuid(1), r.GetInt64(2)))));

        return rows.Select(r => new MessageResponse(
            r.Id, r.ChannelId, r.Seq, r.Author,
            r.Content, r.ClientMessageId, r.ParentId, r.ReplyCount,
            ListOf(reactions, r.Id), ListOf(mentions, r.Id),
            r.CreatedAt, r.EditedAt, r.DeletedAt, cursors[r.ChannelId].StatusOf(r.Seq, r.Author.Id))).ToList();
    }

    // Most messages have no reactions and no mentions, and they share one empty list instead of a new one each.
    static IReadOnlyList<T> ListOf<T>(ILookup<Guid, T> lookup, Guid messageId) =>
        lookup.Contains(messageId) ? lookup[messageId].ToList() : Array.Empty<T>();

    static List<T> Read<T>(SqliteDataReader reader, Func<SqliteDataReader, T> row)
    {
        using (reader)
        {
            var rows = new List<T>();
            while (reader.Read())
                rows.Add(row(reader));
            return rows;
        }
    }

    // A page has few authors: each is read once and shared by all their messages, not read again for each.
    static List<MessageRow> Rows(SqliteDataReader reader)
    {
        var authors = new Dictionary<Guid, UserSummary>();
        return Read(reader, r => new MessageRow(
            r.GetGuid(0), r.GetGuid(1), r.GetInt64(2), AuthorOf(r, authors), r.GetString(6),
            r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetGuid(8), r.GetInt32(9),
            r.GetStoredTime(10), r.IsDBNull(11) ? null : r.GetStoredTime(11),
            r.IsDBNull(12) ? null : r.GetStoredTime(12)));
    }

    static UserSummary AuthorOf(SqliteDataReader row, Dictionary<Guid, UserSummary> authors)
    {
        var id = row.GetGuid(3);
        if (!authors.TryGetValue(id, out var author))
            authors[id] = author = new UserSummary(id, row.GetString(4), row.GetString(5));
        return author;
    }

    // The author is joined explicitly: through the navigation, EF limits a page in a subquery first and then joins and
    // sorts it a second time, which cost SQLite a third more to compile and run.
    static readonly Expression<Func<Message, User, MessageRow>> RowOf = (m, u) => new MessageRow(
        m.Id, m.ChannelId, m.Seq, new UserSummary(u.Id, u.Username, u.DisplayName), m.Content, m.ClientMessageId,
        m.ParentId, m.ReplyCount, m.CreatedAt, m.EditedAt, m.DeletedAt);

    // The columns of RowOf, in its order.
    const string RowsSql = """
        SELECT "m"."Id", "m"."ChannelId", "m"."Seq", "m"."AuthorId", "u"."Username", "u"."DisplayName", "m"."Content",
            "m"."ClientMessageId", "m"."ParentId", "m"."ReplyCount", "m"."CreatedAt", "m"."EditedAt", "m"."DeletedAt"
        FROM "Messages" AS "m"
        INNER JOIN "Users" AS "u" ON "m"."AuthorId" = "u"."Id"
        """;

    const string BeforeSql = RowsSql + """

        WHERE "m"."ChannelId" = $channel AND "m"."Seq" < $seq
        ORDER BY "m"."Seq" DESC
        LIMIT $take
        """;

    const string AfterSql = RowsSql + """

        WHERE "m"."ChannelId" = $channel AND "m"."Seq" > $seq
        ORDER BY "m"."Seq"
        LIMIT $take
        """;

    const string OneSql = RowsSql + """

        WHERE "m"."Id" = $id
        """;

    // Counted in the group: an EXISTS per group would read the page's reactions again.
    const string ReactionsSql = """
        SELECT "MessageId", "Emoji", COUNT(*), COUNT(CASE WHEN "UserId" = $viewer THEN 1 END) > 0, MIN("CreatedAt")
        FROM "Reactions"
        WHERE "MessageId" IN (SELECT "value" FROM json_each($ids))
        GROUP BY "MessageId", "Emoji"
        """;

    const string MentionsSql = """
        SELECT "MessageId", "UserId"
        FROM "MessageMentions"
        WHERE "MessageId" IN (SELECT "value" FROM json_each($ids))
        """;

    // The two lowest cursors suffice: the lowest among members other than the author is one of them.
    const string CursorsSql = """
        SELECT * FROM (
            SELECT 1, "UserId", "LastReadSeq" FROM "ChannelMembers" WHERE "ChannelId" = $channel ORDER BY "LastReadSeq" LIMIT 2)
        UNION ALL
        SELECT * FROM (
            SELECT 0, "UserId", "LastDeliveredSeq" FROM "ChannelMembers" WHERE "ChannelId" = $channel ORDER BY "LastDeliveredSeq" LIMIT 2)
        """;

    sealed record MessageRow(
        Guid Id, Guid ChannelId, long Seq, UserSummary Author, string Content,
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
        // A loop, not FirstOrDefault: this runs twice per message, and a lambda capturing the author allocates each time.
        static bool Reached(List<Cursor> lowest, long seq, Guid authorId)
        {
            foreach (var cursor in lowest)
            {
                if (cursor.UserId != authorId)
                    return cursor.Seq >= seq;
            }
            return false;
        }
    }
}
