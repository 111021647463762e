namespace Confab.Messages;

/// <summary>
/// Brings the full-text index (<c>MessageSearch</c>) up to the messages stored, in a transaction of its own. Indexed
/// inside the transaction that stored each post, FTS5 wrote and merged a segment per commit, which was about a fifth of
/// the time of storing one post at a time. The writer now indexes what it stored at most every
/// <see cref="Interval"/>, and a search first indexes whatever is left, so it still finds every message posted before it.
/// Every message above the index's highest rowid is unindexed: a new row takes the highest rowid plus one, and deleting
/// an indexed message deletes its index row too (a trigger). An edit or delete of a message not yet indexed changes
/// nothing in the index; the message is then indexed as it is. SQLite syntax.
/// </summary>
public static class SearchIndex
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public const string CatchUpSql = """
        INSERT INTO MessageSearch (rowid, Content)
        SELECT "rowid", "Content" FROM "Messages"
        WHERE "rowid" > coalesce((SELECT rowid FROM MessageSearch ORDER BY rowid DESC LIMIT 1), 0)
        """;
}
