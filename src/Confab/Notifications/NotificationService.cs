using System.Linq.Expressions;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Messages;
using Confab.Realtime;
using Confab.Users;
using Microsoft.EntityFrameworkCore;

namespace Confab.Notifications;

/// <summary>
/// Creates notifications inside the transaction of what causes them (callers add, then save), publishes them after
/// commit, and serves the caller's list.
/// </summary>
public sealed class NotificationService(ChatDb db, ChatEvents events, TimeProvider clock)
{
    public Notification AddChannelInvite(Guid userId, Guid actorId, Channel channel) =>
        Add(userId, NotificationType.ChannelInvite, actorId, channel.Id, null, $"You were added to {channel.Name}.");

    /// <summary>
    /// The notifications a new message causes, at most one per recipient, the strongest reason winning: a mention,
    /// then a reply to the recipient's message, then a direct message. Muted channels notify nobody.
    /// </summary>
    public async Task<List<Notification>> AddForMessageAsync(
        Channel channel, Message message, Message? parent, IReadOnlyCollection<Guid> mentioned, CancellationToken ct)
    {
        var reasons = new Dictionary<Guid, NotificationType>();
        if (channel.Type == ChannelType.Direct)
        {
            foreach (var other in await db.ChannelMembers.Where(m => m.ChannelId == channel.Id && m.UserId != message.AuthorId)
                         .Select(m => m.UserId).ToListAsync(ct))
                reasons[other] = NotificationType.DirectMessage;
        }
        if (parent is not null && parent.AuthorId != message.AuthorId)
            reasons[parent.AuthorId] = NotificationType.Reply;
        foreach (var userId in mentioned)
            reasons[userId] = NotificationType.Mention;
        return await AddForRecipientsAsync(channel, message, reasons, ct);
    }

    /// <summary>Mention notifications for users an edit newly mentions.</summary>
    public Task<List<Notification>> AddMentionsAsync(
        Channel channel, Message message, IReadOnlyCollection<Guid> newlyMentioned, CancellationToken ct) =>
        AddForRecipientsAsync(channel, message, newlyMentioned.ToDictionary(id => id, _ => NotificationType.Mention), ct);

    async Task<List<Notification>> AddForRecipientsAsync(
        Channel channel, Message message, Dictionary<Guid, NotificationType> reasons, CancellationToken ct)
    {
        reasons.Remove(message.AuthorId);
        if (reasons.Count == 0)
            return [];
        var candidates = reasons.Keys.ToList();
        var listening = await db.ChannelMembers
            .Where(m => m.ChannelId == channel.Id && !m.Muted && candidates.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(ct);
        if (listening.Count == 0)
            return [];
        var author = await db.Users.Where(u => u.Id == message.AuthorId).Select(u => u.Username).SingleAsync(ct);
        var snippet = message.Content.Length <= SnippetLength ? message.Content : message.Content[..SnippetLength] + "…";
        return listening.Select(userId => Add(userId, reasons[userId], message.AuthorId, channel.Id, message.Id,
            Describe(reasons[userId], author, channel, snippet))).ToList();
    }

    const int SnippetLength = 140;

    static string Describe(NotificationType type, string author, Channel channel, string snippet) => type switch
    {
        NotificationType.Mention when channel.Name is { } name => $"@{author} mentioned you in #{name}: {snippet}",
        NotificationType.Reply => $"@{author} replied to your message: {snippet}",
        _ => $"@{author}: {snippet}",
    };

    public Notification Add(Guid userId, NotificationType type, Guid? actorId, Guid? channelId, Guid? messageId, string text)
    {
        var notification = new Notification
        {
            UserId = userId,
            Type = type,
            ActorId = actorId,
            ChannelId = channelId,
            MessageId = messageId,
            Text = text,
            CreatedAt = clock.Now(),
        };
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>Pushes committed notifications to their recipients' connections.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Notification> created, CancellationToken ct)
    {
        if (created.Count == 0)
            return;
        var recipients = created.ToDictionary(n => n.Id, n => n.UserId);
        var ids = recipients.Keys.ToList();
        var responses = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(AsResponse).ToListAsync(ct);
        foreach (var response in responses)
            await events.NotificationCreatedAsync(recipients[response.Id], response, ct);
    }

    public async Task<Page<NotificationResponse>> ListAsync(
        CurrentUser me, bool unreadOnly, string? cursor, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == me.Id);
        if (unreadOnly)
            query = query.Where(n => n.ReadAt == null);
        if (PageRequest.DecodeIdCursor(cursor) is { } before)
            query = query.Where(n => n.Id.CompareTo(before) < 0);
        // Ids are UUID v7, so their order is creation order.
        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1).Select(AsResponse).ToListAsync(ct);
        return Page.From(rows, take, n => PageRequest.EncodeCursor(n.Id.ToString()));
    }

    public async Task<UnreadCountResponse> UnreadCountAsync(CurrentUser me, CancellationToken ct) =>
        new(await db.Notifications.CountAsync(n => n.UserId == me.Id && n.ReadAt == null, ct));

    public async Task MarkReadAsync(CurrentUser me, Guid id, CancellationToken ct)
    {
        var now = clock.Now();
        var mine = db.Notifications.Where(n => n.Id == id && n.UserId == me.Id);
        if (!await mine.AnyAsync(ct))
            throw ConfabError.NotFound("notification");
        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task MarkAllReadAsync(CurrentUser me, CancellationToken ct)
    {
        var now = clock.Now();
        await db.Notifications.Where(n => n.UserId == me.Id && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<AnnounceResponse> AnnounceAsync(CurrentUser me, AnnounceRequest request, CancellationToken ct)
    {
        var recipients = db.Users.Where(u => u.IsActive);
        if (request.UserIds is { } listed)
        {
            var distinct = listed.Distinct().ToList();
            var known = await db.Users.Where(u => distinct.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            var unknown = distinct.Except(known).ToList();
            if (unknown.Count > 0)
                throw ConfabError.Validation("userIds", $"Unknown user ids: {string.Join(", ", unknown)}.");
            recipients = recipients.Where(u => distinct.Contains(u.Id));
        }
        var text = request.Text.Trim();
        var created = (await recipients.Select(u => u.Id).ToListAsync(ct))
            .Select(userId => Add(userId, NotificationType.System, null, null, null, text))
            .ToList();
        await db.SaveChangesAsync(ct);
        await PublishAsync(created, ct);
        return new AnnounceResponse(created.Count);
    }

    static readonly Expression<Func<Notification, NotificationResponse>> AsResponse = n => new NotificationResponse(
        n.Id, n.Type, n.ChannelId, n.MessageId,
        n.Actor == null ? null : new UserSummary(n.Actor.Id, n.Actor.Username, n.Actor.DisplayName),
        n.Text, n.CreatedAt, n.ReadAt);
}
