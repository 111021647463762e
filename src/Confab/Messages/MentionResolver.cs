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
        var members = db.ChannelMembers.Where(m => m.ChannelId == view.Channel.Id && m.UserId != author.Id);
        if (parsed.Channel && (view.CanManage(author) || await members.CountAsync(ct) < OpenChannelMentionLimit))
            return await members.Select(m => m.UserId).ToListAsync(ct);
        if (parsed.Usernames.Count == 0)
            return [];
        var names = parsed.Usernames.ToList();
        return await members.Where(m => names.Contains(m.User!.Username)).Select(m => m.UserId).ToListAsync(ct);
    }
}
