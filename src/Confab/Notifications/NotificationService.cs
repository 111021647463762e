using System.Linq.Expressions;
using System.Text.Json;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Messages;
using Confab.Realtime;
using Confab.Users;
using Microsoft.EntityFrameworkCore;

namespace Confab.Notifications;

/// <summary>
/// Creates notifications inside the transaction of what causes them (an invite is saved with the caller's changes;
/// a message's notifications are written at once, one statement per batch), publishes them after commit, and serves
/// the caller's list.
/// </summary>
public sealed class NotificationService(ChatDb db, ChatEvents events, TimeProvider clock)
{
    public Notification AddChannelInvite(Guid userId, Guid actorId, Channel channel) =>
        Add(userId, NotificationType.ChannelInvite, actorId, channel.Id, null, $"You were added to {channel.Name}.");

    /// <summary>
    /// The notifications a new message causes, at most one per recipient, the strongest reason winning: a mention,
    /// then a reply to the recipient's message, then a direct message. Muted channels notify nobody. They are written
    /// at once, so call this inside the transaction that stores the message.
    /// </summary>
    public async Task<List<Notification>> AddForMessageAsync(Channel channel, Message message, string authorName,
        Message? parent, IReadOnlyCollection<Guid> mentioned, CancellationToken ct)
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
        return await AddForRecipientsAsync(channel, message, authorName, reasons, ct);
    }

    /// <summary>
    /// Mention notifications for users an edit newly mentions, written at once (call it inside the edit's transaction).
    /// A message notifies each user at most once, across edits too: whoever it already notified, of anything, is skipped.
    /// </summary>
    public async Task<List<Notification>> AddMentionsAsync(
        Channel channel, Message message, string authorName, IReadOnlyCollection<Guid> newlyMentioned, CancellationToken ct)
    {
        if (newlyMentioned.Count == 0)
            return [];
        // MessageId has no index; the user filter lets the (UserId, CreatedAt, Id) index bound the search.
        var candidates = newlyMentioned.ToList();
        var notified = (await db.Notifications
                .Where(n => EF.Parameter(candidates).Contains(n.UserId) && n.MessageId == message.Id)
                .Select(n => n.UserId).ToListAsync(ct))
            .ToHashSet();
        return await AddForRecipientsAsync(channel, message, authorName,
            newlyMentioned.Where(id => !notified.Contains(id)).ToDictionary(id => id, _ => NotificationType.Mention), ct);
    }

    async Task<List<Notification>> AddForRecipientsAsync(Channel channel, Message message, string authorName,
        Dictionary<Guid, NotificationType> reasons, CancellationToken ct)
    {
        reasons.Remove(message.AuthorId);
        if (reasons.Count == 0)
            return [];
        var candidates = reasons.Keys.ToList();
        // One JSON parameter however many candidates (@channel reaches them all), not one SQL parameter each.
        var listening = await db.ChannelMembers
            .Where(m => m.ChannelId == channel.Id && !m.Muted && EF.Parameter(candidates).Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(ct);
        if (listening.Count == 0)
            return [];
        var snippet = message.Content.Length <= SnippetLength ? message.Content : message.Content[..SnippetLength] + "…";
        return await InsertAsync(message.AuthorId, channel.Id, message.Id,
            listening.Select(userId => (userId, reasons[userId], Describe(reasons[userId], authorName, channel, snippet))), ct);
    }

    const int SnippetLength = 140;

    static string Describe(NotificationType type, string author, Channel channel, string snippet) => type switch
    {
        NotificationType.Mention when channel.Name is { } name => $"@{author} mentioned you in #{name}: {snippet}",
        NotificationType.Reply => $"@{author} replied to your message: {snippet}",
        _ => $"@{author}: {snippet}",
    };

    /// <summary>A single notification, saved with the caller's other changes by their <c>SaveChangesAsync</c>.</summary>
    Notification Add(Guid userId, NotificationType type, Guid? actorId, Guid? channelId, Guid? messageId, string text)
    {
        var notification = new Notification
        {
            Id = Ids.New(),
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

    /// <summary>
    /// Writes one event's notifications (same actor, channel, message and time) with a single INSERT ... SELECT over a
    /// JSON array, in the current transaction if there is one. EF Core's SaveChanges sends one INSERT per row on
    /// SQLite: @channel in a 1,000-member channel took 1,000 statements inside the post's transaction. The ids are
    /// still made here as UUID v7, so the newest-first order by id holds. SQLite syntax (json_each, json_extract).
    /// </summary>
    async Task<List<Notification>> InsertAsync(Guid? actorId, Guid? channelId, Guid? messageId,
        IEnumerable<(Guid UserId, NotificationType Type, string Text)> recipients, CancellationToken ct)
    {
        var now = clock.Now();
        var batch = recipients.Select(r => new Notification
        {
            Id = Ids.New(),
            UserId = r.UserId,
            Type = r.Type,
            ActorId = actorId,
            ChannelId = channelId,
            MessageId = messageId,
            Text = r.Text,
            CreatedAt = now,
        }).ToList();
        if (batch.Count == 0)
            return batch;
        var rows = JsonSerializer.Serialize(batch.Select(n => new[] { SqlValues.Text(n.Id), SqlValues.Text(n.UserId), n.Type.ToString(), n.Text }));
        var (actor, channel, message) = (SqlValues.Text(actorId), SqlValues.Text(channelId), SqlValues.Text(messageId));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Notifications" ("Id", "UserId", "Type", "ChannelId", "MessageId", "ActorId", "Text", "CreatedAt")
            SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]'),
                   {channel}, {message}, {actor}, json_extract(r.value, '$[3]'), {now}
            FROM json_each({rows}) AS r
            """, ct);
        return batch;
    }

    /// <summary>Pushes committed notifications to all their recipients' connections.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Notification> created, CancellationToken ct)
    {
        if (created.Count == 0)
            return;
        var actorIds = created.Where(n => n.ActorId is not null).Select(n => n.ActorId!.Value).Distinct().ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .Select(u => new UserSummary(u.Id, u.Username, u.DisplayName)).ToDictionaryAsync(u => u.Id, ct);
        foreach (var n in created)
        {
            var actor = n.ActorId is { } actorId ? actors.GetValueOrDefault(actorId) : null;
            await events.NotificationCreatedAsync(n.UserId,
                new NotificationResponse(n.Id, n.Type, n.ChannelId, n.MessageId, actor, n.Text, n.CreatedAt, n.ReadAt), ct);
        }
    }

    public async Task<Page<NotificationResponse>> ListAsync(
        CurrentUser me, bool unreadOnly, string? cursor, int? limit, CancellationToken ct)
    {
        var take = PageRequest.Limit(limit);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == me.Id);
        if (unreadOnly)
            query = query.Where(n => n.ReadAt == null);
        if (DecodeCursor(cursor) is var (at, id))
            query = query.Where(n => n.CreatedAt <= at && (n.CreatedAt < at || n.Id.CompareTo(id) < 0));
        // Creation order, ties broken by the UUID v7 id. Ordering by the id alone made SQLite sort the user's whole
        // history for every page; (CreatedAt, Id) walks the (UserId, CreatedAt, Id) index instead.
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(take + 1).Select(AsResponse).ToListAsync(ct);
        return Page.From(rows, take, n => PageRequest.EncodeCursor($"{n.CreatedAt.Ticks}_{n.Id}"));
    }

    static (DateTime At, Guid Id)? DecodeCursor(string? cursor)
    {
        if (PageRequest.DecodeCursor(cursor) is not { } text)
            return null;
        var parts = text.Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            && Guid.TryParse(parts[1], out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : throw ConfabError.BadRequest("The cursor is malformed.");
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
        var userIds = await recipients.Select(u => u.Id).ToListAsync(ct);
        var created = await InsertAsync(null, null, null, userIds.Select(id => (id, NotificationType.System, text)), ct);
        await PublishAsync(created, ct);
        return new AnnounceResponse(created.Count);
    }

    static readonly Expression<Func<Notification, NotificationResponse>> AsResponse = n => new NotificationResponse(
        n.Id, n.Type, n.ChannelId, n.MessageId,
        n.Actor == null ? null : new UserSummary(n.Actor.Id, n.Actor.Username, n.Actor.DisplayName),
        n.Text, n.CreatedAt, n.ReadAt);
}
