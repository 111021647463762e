using Confab.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Confab.Realtime;

/// <summary>The real-time gateway: thin methods over the same services REST uses.</summary>
[Authorize]
public sealed class ChatHub(ChatDb db, ConnectionRegistry connections, PresenceTracker presence) : Hub
{
    Guid UserId => Guid.Parse(Context.UserIdentifier!);

    public override async Task OnConnectedAsync()
    {
        var userId = UserId;
        connections.Add(userId, Context);
        presence.Connected(userId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(userId));
        var channelIds = await db.ChannelMembers.Where(m => m.UserId == userId).Select(m => m.ChannelId).ToListAsync();
        foreach (var channelId in channelIds)
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Channel(channelId));
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(UserId, Context.ConnectionId);
        presence.Disconnected(UserId);
        await base.OnDisconnectedAsync(exception);
    }
}
