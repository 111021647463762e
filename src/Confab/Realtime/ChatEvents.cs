using Confab.Channels;
using Confab.Data;
using Confab.Messages;
using Confab.Notifications;

using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Confab.Realtime;

/// <summary>
/// What the modules publish after their transaction commits. The only door to SignalR outside the hub: channel events
/// go to the channel's group, personal ones to the user's group.
/// </summary>
/// <remarks>
/// A send is started here and not awaited: SignalR queues it on every connection at once, in call order, and a
/// connection whose client reads slowly only delays itself. Awaiting would make every poster wait for the slowest
/// reader of the channel. Failures are logged when they happen. Sends and subscription changes ignore the caller's
/// cancellation: once the commit happened, the events must follow even if the request that caused them is going away.
/// </remarks>
public sealed partial class ChatEvents(
    IHubContext<ChatHub> hub, ConnectionRegistry connections, ChatDb db, ILogger<ChatEvents> logger)
{
    public Task MessageCreatedAsync(Guid channelId, MessageResponse message, CancellationToken ct) =>
        Start(ToChannel(channelId).SendAsync(EventNames.MessageCreated, message, CancellationToken.None));

    /// <summary>
    /// Sends the message to each member with <c>reactions[].me</c> computed for that member, since the caller's view
    /// of their own reactions would be wrong for everyone else.
    /// </summary>
    public async Task MessageUpdatedAsync(MessageResponse message, CancellationToken ct)
    {
        var neutral = message with { Reactions = message.Reactions.Select(r => r with { Me = false }).ToList() };
        var reactions = message.Reactions.Count == 0
            ? []
            : await db.Reactions.AsNoTracking().Where(r => r.MessageId == message.Id)
                .Select(r => new { r.UserId, r.Emoji }).ToListAsync(ct);
        if (reactions.Count == 0)
        {
            await Start(ToChannel(message.ChannelId).SendAsync(EventNames.MessageUpdated, neutral, CancellationToken.None));
            return;
        }

        var emojisOf = reactions.ToLookup(r => r.UserId, r => r.Emoji);
        var members = await db.ChannelMembers.AsNoTracking().Where(m => m.ChannelId == message.ChannelId)
            .Select(m => m.UserId).ToListAsync(ct);
        var others = members.Where(id => !emojisOf.Contains(id)).Select(HubGroups.User).ToList();
        if (others.Count > 0)
            await Start(hub.Clients.Groups(others).SendAsync(EventNames.MessageUpdated, neutral, CancellationToken.None));
        foreach (var userId in members.Where(emojisOf.Contains))
        {
            var mine = emojisOf[userId].ToHashSet(StringComparer.Ordinal);
            var theirs = message with { Reactions = message.Reactions.Select(r => r with { Me = mine.Contains(r.Emoji) }).ToList() };
            await Start(ToUser(userId).SendAsync(EventNames.MessageUpdated, theirs, CancellationToken.None));
        }
    }

    public Task ChannelUpdatedAsync(ChannelResponse channel, CancellationToken ct) =>
        Start(ToChannel(channel.Id).SendAsync(EventNames.ChannelUpdated, channel, CancellationToken.None));

    public Task MemberJoinedAsync(Guid channelId, ChannelMemberResponse member, CancellationToken ct) =>
        Start(ToChannel(channelId).SendAsync(EventNames.MemberJoined, new MemberJoinedEvent(channelId, member), CancellationToken.None));

    public Task MemberLeftAsync(Guid channelId, Guid userId, CancellationToken ct) =>
        Start(ToChannel(channelId).SendAsync(EventNames.MemberLeft, new MemberLeftEvent(channelId, userId), CancellationToken.None));

    public Task ReadReceiptAsync(ReadReceipt receipt, CancellationToken ct) =>
        Start(ToChannel(receipt.ChannelId).SendAsync(EventNames.ReadReceipt, receipt, CancellationToken.None));

    public Task NotificationCreatedAsync(Guid userId, NotificationResponse notification, CancellationToken ct) =>
        Start(ToUser(userId).SendAsync(EventNames.NotificationCreated, notification, CancellationToken.None));

    /// <summary>To the channel's members, except the typing connection itself.</summary>
    public Task TypingAsync(TypingEvent typing, string typingConnectionId) =>
        Start(hub.Clients.GroupExcept(HubGroups.Channel(typing.ChannelId), [typingConnectionId])
            .SendAsync(EventNames.Typing, typing, CancellationToken.None));

    /// <summary>To every user who shares a channel with the user, once each.</summary>
    public async Task PresenceChangedAsync(PresenceChangedEvent presence, CancellationToken ct)
    {
        var userId = presence.UserId;
        var theirChannels = db.ChannelMembers.Where(m => m.UserId == userId).Select(m => m.ChannelId);
        var audience = await db.ChannelMembers.AsNoTracking()
            .Where(m => theirChannels.Contains(m.ChannelId) && m.UserId != userId)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        if (audience.Count > 0)
        {
            await Start(hub.Clients.Groups(audience.Select(HubGroups.User).ToList())
                .SendAsync(EventNames.PresenceChanged, presence, CancellationToken.None));
        }
    }

    /// <summary>Subscribes every live connection of the user to the channel, then tells them.</summary>
    public async Task ChannelAddedAsync(Guid userId, ChannelResponse channel, CancellationToken ct)
    {
        using (await connections.LockAsync(userId, CancellationToken.None))
        {
            foreach (var connection in connections.Of(userId))
                await hub.Groups.AddToGroupAsync(connection.ConnectionId, HubGroups.Channel(channel.Id), CancellationToken.None);
        }
        await Start(ToUser(userId).SendAsync(EventNames.ChannelAdded, channel, CancellationToken.None));
    }

    /// <summary>Unsubscribes every live connection of the user from the channel at once, then tells them.</summary>
    public async Task ChannelRemovedAsync(Guid userId, Guid channelId, CancellationToken ct)
    {
        using (await connections.LockAsync(userId, CancellationToken.None))
        {
            foreach (var connection in connections.Of(userId))
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, HubGroups.Channel(channelId), CancellationToken.None);
        }
        await Start(ToUser(userId).SendAsync(EventNames.ChannelRemoved, new ChannelRemovedEvent(channelId), CancellationToken.None));
    }

    /// <summary>Closes the user's live connections; their token no longer opens new ones.</summary>
    public Task UserDeactivatedAsync(Guid userId, CancellationToken ct)
    {
        foreach (var connection in connections.Of(userId))
            connection.Abort();
        return Task.CompletedTask;
    }

    IClientProxy ToChannel(Guid channelId) => hub.Clients.Group(HubGroups.Channel(channelId));

    IClientProxy ToUser(Guid userId) => hub.Clients.Group(HubGroups.User(userId));

    Task Start(Task send)
    {
        if (send.IsCompleted)
        {
            if (send.Exception is { } failed)
                LogSendFailed(logger, failed);
            return Task.CompletedTask;
        }
        _ = ObserveAsync(send);
        return Task.CompletedTask;
    }

    async Task ObserveAsync(Task send)
    {
        try
        {
            await send;
        }
        catch (Exception e)
        {
            LogSendFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a hub event failed")]
    static partial void LogSendFailed(ILogger logger, Exception exception);
}
