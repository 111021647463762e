using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Messages;

/// <summary>Turns the mentions in a text into the ids of the channel members they reach.</summary>
public sealed class MentionResolver(ChatDb db)
{
    /// <summary>Who may use <c>@channel</c> in any channel: owners, admins, global admins; in small channels, anyone.</summary>
    public const int OpenChannelMentionLimit = 50;

    public async Task<List<Guid>> ResolveAsync(CurrentUser author, ChannelView view, string text, CancellationToken ct)
    {
        var parsed = Mentions.Parse(text);
        // Most messages mention nobody: they cost no query, nor the building of one.
        if (!parsed.Channel && parsed.Usernames.Count == 0)
            return [];
        var members = db.ChannelMembers.Where(m => m.ChannelId == view.Channel.Id && m.UserId != author.Id);
        if (parsed.Channel && (view.CanManage(author) || await members.CountAsync(ct) < OpenChannelMentionLimit))
            return await members.Select(m => m.UserId).ToListAsync(ct);
        if (parsed.Usernames.Count == 0)
            return [];
        var names = parsed.Usernames.ToList();
        return await members.Where(m => names.Contains(m.User!.Username)).Select(m => m.UserId).ToListAsync(ct);
    }

    // One INSERT ... SELECT over a JSON array instead of EF's one INSERT per row: @channel in a large channel mentions
    // every member. SQLite syntax; "WHERE true" lets SQLite parse the upsert clause after a SELECT.
    public async Task InsertAsync(Guid messageId, List<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
            return;
        var id = SqlValues.Text(messageId);
        var users = SqlValues.JsonArray(userIds, userId => userId);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MessageMentions" ("MessageId", "UserId")
            SELECT {id}, u.value FROM json_each({users}) AS u WHERE true
            ON CONFLICT DO NOTHING
            """, ct);
    }
}
