using Confab.Common;
using Confab.Messages;

namespace Confab.Realtime;

/// <summary>Catching up after a disconnect: the REST history with <c>after=</c>, for many channels in one call.</summary>
public sealed class SyncService(MessageHistory history)
{
    public const int MaxMessagesPerChannel = 100;
    public const int MaxCursors = 500;

    public IReadOnlyList<SyncResult> Sync(CurrentUser me, IReadOnlyList<SyncCursor?>? cursors)
    {
        if (cursors is null)
            throw ConfabError.Validation("cursors", "cursors is required.");
        if (cursors.Count > MaxCursors)
            throw ConfabError.Validation("cursors", $"At most {MaxCursors} cursors per call.");
        // Every cursor is checked before any is read, so a bad one fails the call without partial work.
        var parsed = cursors.Select((cursor, i) => cursor is null
            ? throw ConfabError.BadRequest($"cursors[{i}] is null.")
            : cursor.AfterSeq < 0
                ? throw ConfabError.Validation($"cursors[{i}].afterSeq", "afterSeq must not be negative.")
                : (ChannelId: HubArguments.Id(cursor.ChannelId, $"cursors[{i}].channelId"), cursor.AfterSeq)).ToList();

        var results = new List<SyncResult>(parsed.Count);
        foreach (var (channelId, afterSeq) in parsed)
        {
            try
            {
                var page = history.Read(me, channelId, before: null, after: afterSeq, MaxMessagesPerChannel);
                results.Add(new SyncResult(channelId, page.Items, page.NextCursor is not null, Gone: false));
            }
            catch (ConfabError e) when (e.Status == StatusCodes.Status404NotFound)
            {
                results.Add(new SyncResult(channelId, [], HasMore: false, Gone: true));
            }
        }
        return results;
    }
}
