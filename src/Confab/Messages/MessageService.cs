using System.Text.Json;
using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Notifications;
using Confab.Realtime;
using Confab.Users;
using Microsoft.EntityFrameworkCore;

namespace Confab.Messages;

/// <summary>Posting, editing and deleting messages: one code path for REST and the hub.</summary>
public sealed class MessageService(
    ChatDb db,
    ChannelAccess access,
    MessageReader reader,
    MentionResolver mentionResolver,
    NotificationService notifications,
    ChatEvents events,
    MessageWriter writer,
    UserStateCache users,
    TimeProvider clock)
{
    /// <summary>Stores a message durably; the bool is false when <c>clientMessageId</c> named an existing one.</summary>
    public async Task<(MessageResponse Message, bool Created)> PostAsync(
        CurrentUser me, Guid channelId, string? content, string? clientMessageId, Guid? parentId, CancellationToken ct)
    {
        var text = MessageRules.Content(content);
        var clientId = MessageRules.OptionalClientMessageId(clientMessageId);
        var post = await PrepareAsync(me, channelId, text, clientId, parentId, ct);
        if (await writer.WriteAsync(post) is { } response)
            return (response, true);
        // The clientMessageId is taken: by an earlier try of this post (a retry), or by a concurrent one that won.
        // Retries are rare, so the unique index finds them in the writer instead of a lookup before every post.
        return (await FindRepeatAsync(me, channelId, clientId!, text, parentId, ct)
            ?? throw ConfabError.Conflict("The clientMessageId is in use.", "idempotency_conflict"), false);
    }

    async Task<PendingPost> PrepareAsync(
        CurrentUser me, Guid channelId, string text, string? clientId, Guid? parentId, CancellationToken ct)
    {
        var view = access.SeeCommitted(me, channelId).RequireMember().RequireWritable();
        var parent = parentId is { } id ? await FindParentAsync(channelId, id, ct) : null;
        var author = await users.GetAuthorAsync(me.Id, ct);
        return new PendingPost(me, author, view, text, clientId, parent);
    }

    public async Task<MessageResponse> EditAsync(CurrentUser me, Guid messageId, string? content, CancellationToken ct)
    {
        var text = MessageRules.Content(content);
        var (message, view) = await SeeAsync(me, messageId, ct);
        view.RequireWritable();
        if (message.AuthorId != me.Id)
            throw ConfabError.Forbidden("Only the author may edit a message.");
        if (message.DeletedAt is not null)
            throw ConfabError.Conflict("The message was deleted.");
        var author = await users.GetAuthorAsync(me.Id, ct);

        List<Notification> created;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Writing the message first takes the write lock, so concurrent edits see each other's mentions.
            message.Content = text;
            message.EditedAt = clock.Now();
            await db.SaveChangesAsync(ct);
            var before = await db.MessageMentions.Where(m => m.MessageId == messageId).Select(m => m.UserId).ToListAsync(ct);
            var after = await mentionResolver.ResolveAsync(me, view, text, ct);
            var added = after.Except(before).ToList();
            await db.MessageMentions.Where(m => m.MessageId == messageId && !EF.Parameter(after).Contains(m.UserId))
                .ExecuteDeleteAsync(ct);
            await mentionResolver.InsertAsync(messageId, added, ct);
            created = await notifications.AddMentionsAsync(view.Channel, message, author.Username, added, ct);
            await transaction.CommitAsync(ct);
        }

        var response = reader.ReadOne(messageId, me.Id);
        await events.MessageUpdatedAsync(response, ct);
        await notifications.PublishAsync(created, ct);
        return response;
    }

    public async Task DeleteAsync(CurrentUser me, Guid messageId, CancellationToken ct)
    {
        var (message, view) = await SeeAsync(me, messageId, ct);
        view.RequireWritable();
        if (message.AuthorId != me.Id && !view.CanManage(me))
            throw ConfabError.Forbidden("Only the author, channel owners and admins may delete a message.");
        var now = clock.Now();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional, so that of two concurrent deletes only one counts the reply out of its thread.
            var deleted = await db.Messages.Where(m => m.Id == messageId && m.DeletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Content, "").SetProperty(m => m.DeletedAt, now), ct);
            if (deleted == 0)
                return;
            await db.Reactions.Where(r => r.MessageId == messageId).ExecuteDeleteAsync(ct);
            await db.MessageMentions.Where(m => m.MessageId == messageId).ExecuteDeleteAsync(ct);
            // A thread counts the replies one can read, as Mattermost does.
            if (message.ParentId is { } parentId)
            {
                await db.Messages.Where(m => m.Id == parentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReplyCount, m => m.ReplyCount - 1), ct);
            }
            await transaction.CommitAsync(ct);
        }

        await events.MessageUpdatedAsync(reader.ReadOne(messageId, me.Id), CancellationToken.None);
        if (message.ParentId is { } parent)
            await events.MessageUpdatedAsync(reader.ReadOne(parent, me.Id), CancellationToken.None);
    }

    public async Task ReactAsync(CurrentUser me, Guid messageId, string emoji, bool add, CancellationToken ct)
    {
        var checkedEmoji = MessageRules.Emoji(emoji);
        var (message, view) = await SeeAsync(me, messageId, ct);
        view.RequireMember().RequireWritable();
        if (message.DeletedAt is not null)
            throw ConfabError.Conflict("The message was deleted.");
        var mine = db.Reactions.Where(r => r.MessageId == messageId && r.UserId == me.Id && r.Emoji == checkedEmoji);
        var changed = add
            ? !await mine.AnyAsync(ct) && await TryAddReactionAsync(new Reaction
            {
                MessageId = messageId,
                UserId = me.Id,
                Emoji = checkedEmoji,
                CreatedAt = clock.Now(),
            }, ct)
            : await mine.ExecuteDeleteAsync(ct) > 0;
        if (changed)
            await events.MessageUpdatedAsync(reader.ReadOne(messageId, me.Id), ct);
    }

    /// <summary>The message and its channel as the caller sees them; a message in an invisible channel does not exist.</summary>
    public async Task<(Message Message, ChannelView View)> SeeAsync(CurrentUser me, Guid messageId, CancellationToken ct)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId, ct)
            ?? throw ConfabError.NotFound("message");
        try
        {
            return (message, await access.SeeAsync(me, message.ChannelId, ct));
        }
        catch (ConfabError e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw ConfabError.NotFound("message");
        }
    }

    async Task<bool> TryAddReactionAsync(Reaction reaction, CancellationToken ct)
    {
        db.Reactions.Add(reaction);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    async Task<MessageResponse?> FindRepeatAsync(
        CurrentUser me, Guid channelId, string clientId, string content, Guid? parentId, CancellationToken ct)
    {
        var existing = await Repeat(db, channelId, me.Id, clientId, ct);
        if (existing is null)
            return null;
        var same = existing.ParentId == parentId && (existing.DeletedAt is not null || existing.Content == content);
        if (!same)
            throw ConfabError.Conflict("This clientMessageId was used for a different message.", "idempotency_conflict");
        return reader.ReadOne(existing.Id, me.Id);
    }

    static readonly Func<ChatDb, Guid, Guid, string, CancellationToken, Task<RepeatCandidate?>> Repeat = EF.CompileAsyncQuery(
        (ChatDb db, Guid channelId, Guid authorId, string clientId, CancellationToken ct) => db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.AuthorId == authorId && m.ClientMessageId == clientId)
            .Select(m => new RepeatCandidate(m.Id, m.Content, m.ParentId, m.DeletedAt))
            .FirstOrDefault());

    sealed record RepeatCandidate(Guid Id, string Content, Guid? ParentId, DateTime? DeletedAt);

    async Task<Message> FindParentAsync(Guid channelId, Guid parentId, CancellationToken ct)
    {
        var parent = await db.Messages.FirstOrDefaultAsync(m => m.Id == parentId && m.ChannelId == channelId, ct)
            ?? throw ConfabError.Validation("parentId", "The parent message is not in this channel.");
        if (parent.ParentId is not null)
            throw ConfabError.Validation("parentId", "Replies go to the thread's first message, not to another reply.");
        return parent;
    }
}
