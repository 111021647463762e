using Confab.Channels;
using Confab.Common;
using Confab.Data;
using Confab.Messages;
using Confab.Users;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Confab.Realtime;

/// <summary>
/// The real-time gateway: thin methods over the same services REST uses. Ids arrive as strings and are parsed here so a
/// malformed one is a coded <c>bad_request</c>; every rule lives in the services, every error mapping in
/// <see cref="HubErrorFilter"/>.
/// </summary>
[Authorize]
public sealed class ChatHub(
    ChatDb db,
    ConnectionRegistry connections,
    PresenceService presence,
    UserStateCache users,
    MessageService messages,
    MemberService members,
    SyncService sync,
    TypingService typing,
    HubRateLimits limits) : Hub
{
    static readonly object PresenceCounted = new();

    // Compiled once: every new connection runs it.
    static readonly Func<ChatDb, Guid, IAsyncEnumerable<Guid>> ChannelsOf = EF.CompileAsyncQuery(
        (ChatDb db, Guid userId) => db.ChannelMembers.Where(m => m.UserId == userId).Select(m => m.ChannelId));

    Guid UserId => Guid.Parse(Context.UserIdentifier!);

    CancellationToken Aborted => Context.ConnectionAborted;

    public override async Task OnConnectedAsync()
    {
        try
        {
            await ConnectAsync(UserId);
        }
        catch
        {
            // SignalR closes a connection whose OnConnectedAsync failed without calling OnDisconnectedAsync.
            await DisconnectAsync(UserId);
            throw;
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await DisconnectAsync(UserId);
        await base.OnDisconnectedAsync(exception);
    }

    async Task ConnectAsync(Guid userId)
    {
        using (await connections.LockAsync(userId, Aborted))
        {
            connections.Add(userId, Context);
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(userId), Aborted);
            var channelIds = await ChannelsOf(db, userId).ToListAsync(Aborted);
            foreach (var channelId in channelIds)
                await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Channel(channelId), Aborted);
        }
        // A deactivation that committed while this connection was being accepted found nothing to close; look again
        // (deactivating clears the cached state before it closes connections, so this reads the database).
        if (await users.GetActiveAsync(userId, Aborted) is null)
        {
            Context.Abort();
            return;
        }
        Context.Items[PresenceCounted] = true;
        await presence.ConnectedAsync(userId, CancellationToken.None);
    }

    // Runs once or twice per connection (a failed connect, then perhaps a disconnect); each step is idempotent.
    async Task DisconnectAsync(Guid userId)
    {
        using (await connections.LockAsync(userId, CancellationToken.None))
            connections.Remove(userId, Context.ConnectionId);
        if (Context.Items.Remove(PresenceCounted))
            await presence.DisconnectedAsync(userId, CancellationToken.None);
    }

    public async Task<MessageResponse> SendMessage(string channelId, string content, string clientMessageId, string? parentId)
    {
        var me = await MeAsync();
        var channel = HubArguments.Id(channelId, nameof(channelId));
        var parent = HubArguments.OptionalId(parentId, nameof(parentId));
        var clientId = MessageRules.ClientMessageId(clientMessageId);
        limits.Acquire(me.Id, HubRateLimits.SendMessage);
        var (message, _) = await messages.PostAsync(me, channel, content, clientId, parent, Aborted);
        return message;
    }

    public async Task<MessageResponse> EditMessage(string messageId, string content)
    {
        var me = await MeAsync();
        return await messages.EditAsync(me, HubArguments.Id(messageId, nameof(messageId)), content, Aborted);
    }

    public async Task DeleteMessage(string messageId)
    {
        var me = await MeAsync();
        await messages.DeleteAsync(me, HubArguments.Id(messageId, nameof(messageId)), Aborted);
    }

    public async Task React(string messageId, string emoji)
    {
        var me = await MeAsync();
        await messages.ReactAsync(me, HubArguments.Id(messageId, nameof(messageId)), emoji, add: true, Aborted);
    }

    public async Task Unreact(string messageId, string emoji)
    {
        var me = await MeAsync();
        await messages.ReactAsync(me, HubArguments.Id(messageId, nameof(messageId)), emoji, add: false, Aborted);
    }

    public async Task StartTyping(string channelId)
    {
        var me = await MeAsync();
        var channel = HubArguments.Id(channelId, nameof(channelId));
        limits.Acquire(me.Id, HubRateLimits.StartTyping);
        // Usernames never change, so the one in the token is current.
        var username = Context.User?.FindFirst(JwtRegisteredClaimNames.UniqueName)?.Value;
        await typing.StartAsync(me, channel, username, Context.ConnectionId, Aborted);
    }

    public async Task MarkDelivered(string channelId, long seq)
    {
        var me = await MeAsync();
        await members.MarkDeliveredAsync(me, HubArguments.Id(channelId, nameof(channelId)), seq, Aborted);
    }

    public async Task MarkRead(string channelId, long seq)
    {
        var me = await MeAsync();
        await members.MarkReadAsync(me, HubArguments.Id(channelId, nameof(channelId)), seq, Aborted);
    }

    public async Task<IReadOnlyList<SyncResult>> Sync(SyncCursor?[]? cursors)
    {
        var me = await MeAsync();
        return sync.Sync(me, cursors);
    }

    // Built per call, not once per connection: the role may change, or the user be deactivated, while connected.
    async Task<CurrentUser> MeAsync()
    {
        if (await users.GetActiveAsync(UserId, Aborted) is { } me)
            return me;
        Context.Abort();
        throw ConfabError.Unauthorized("The user is deactivated.");
    }
}
