using Confab.Channels;
using Confab.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace Confab.Realtime;

/// <summary>
/// What the modules publish after their transaction commits. The only door to SignalR outside the hub: channel events
/// go to the channel's group, personal ones to the user's group.
/// </summary>
public sealed class ChatEvents(IHubContext<ChatHub> hub, ConnectionRegistry connections)
{
    public Task MessageCreatedAsync(Guid channelId, object message, CancellationToken ct) =>
        ToChannel(channelId).SendAsync(EventNames.MessageCreated, message, ct);

    public Task MessageUpdatedAsync(Guid channelId, object message, CancellationToken ct) =>
        ToChannel(channelId).SendAsync(EventNames.MessageUpdated, message, ct);

    public Task ChannelUpdatedAsync(ChannelResponse channel, CancellationToken ct) =>
        ToChannel(channel.Id).SendAsync(EventNames.ChannelUpdated, channel, ct);

    public Task MemberJoinedAsync(Guid channelId, ChannelMemberResponse member, CancellationToken ct) =>
        ToChannel(channelId).SendAsync(EventNames.MemberJoined, new MemberJoinedEvent(channelId, member), ct);

    public Task MemberLeftAsync(Guid channelId, Guid userId, CancellationToken ct) =>
        ToChannel(channelId).SendAsync(EventNames.MemberLeft, new MemberLeftEvent(channelId, userId), ct);

    public Task ReadReceiptAsync(ReadReceipt receipt, CancellationToken ct) =>
        ToChannel(receipt.ChannelId).SendAsync(EventNames.ReadReceipt, receipt, ct);

    public Task NotificationCreatedAsync(Guid userId, NotificationResponse notification, CancellationToken ct) =>
        ToUser(userId).SendAsync(EventNames.NotificationCreated, notification, ct);

    /// <summary>Subscribes every live connection of the user to the channel, then tells them.</summary>
    public async Task ChannelAddedAsync(Guid userId, ChannelResponse channel, CancellationToken ct)
    {
        foreach (var connection in connections.Of(userId))
            await hub.Groups.AddToGroupAsync(connection.ConnectionId, HubGroups.Channel(channel.Id), ct);
        await ToUser(userId).SendAsync(EventNames.ChannelAdded, channel, ct);
    }

    /// <summary>Unsubscribes every live connection of the user from the channel at once, then tells them.</summary>
    public async Task ChannelRemovedAsync(Guid userId, Guid channelId, CancellationToken ct)
    {
        foreach (var connection in connections.Of(userId))
            await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, HubGroups.Channel(channelId), ct);
        await ToUser(userId).SendAsync(EventNames.ChannelRemoved, new ChannelRemovedEvent(channelId), ct);
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
}
