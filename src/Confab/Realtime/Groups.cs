namespace Confab.Realtime;

/// <summary>SignalR group names: one per channel (its members' connections) and one per user (all their connections).</summary>
public static class HubGroups
{
    public static string Channel(Guid channelId) => $"channel:{channelId:N}";

    public static string User(Guid userId) => $"user:{userId:N}";
}
