using System.Text.RegularExpressions;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Messages;

/// <summary>Full-text search over the messages the caller may read, newest first.</summary>
public sealed partial class SearchService(ChatDb db, ChannelAccess access, MessageReader reader)
{
    // The FTS tokenizer splits on everything but letters and digits; so do we, so that no input is query syntax.
    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex Word();

    public async Task<Page<MessageResponse>> SearchAsync(
        CurrentUser me, string? q, Guid? channelId, string? cursor, int? limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
            throw ConfabError.Validation("q", "q must not be empty.");
        var take = PageRequest.Limit(limit);
        var before = PageRequest.DecodeIdCursor(cursor);
        if (channelId is { } id)
            await access.SeeAsync(me, id, ct);

        var words = Word().Matches(q).Select(m => m.Value).Distinct().Take(16).ToList();
        if (words.Count == 0)
            return new Page<MessageResponse>([], null);
        await IndexWhatIsLeftAsync(ct);
        // Every word must match, each as a prefix; quoting makes each word a plain string to FTS5.
        var match = string.Join(" AND ", words.Select(w => $"\"{w}\"*"));

        var hits = db.Messages
            .FromSql($"SELECT * FROM Messages WHERE rowid IN (SELECT rowid FROM MessageSearch WHERE MessageSearch MATCH {match})")
            .Where(m => m.DeletedAt == null);
        // A channel named by id was checked with the visibility rule above (a global admin sees private channels, as
        // in their history); without one, the search spans the caller's channels and the public ones.
        if (channelId is not null)
        {
            hits = hits.Where(m => m.ChannelId == channelId);
        }
        else
        {
            var readable = access.ReadableChannelIds(me);
            hits = hits.Where(m => readable.Contains(m.ChannelId));
        }
        if (before is not null)
            hits = hits.Where(m => m.Id.CompareTo(before.Value) < 0);
        // Ids are UUID v7: descending id is newest first.
        var rows = await reader.ReadAsync(hits.OrderByDescending(m => m.Id).Take(take + 1), me.Id, ct);
        return Page.From(rows, take, m => PageRequest.EncodeCursor(m.Id.ToString()));
    }

    // The writer indexes at most every SearchIndex.Interval; a search must also find what was posted just before it.
    async Task IndexWhatIsLeftAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(SearchIndex.CatchUpSql, ct);
        await transaction.CommitAsync(ct);
    }
}
