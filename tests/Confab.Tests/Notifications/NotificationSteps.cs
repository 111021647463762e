namespace Confab.Tests.Notifications;

/// <summary>The notification and neighbouring API calls the stories in this folder are told in.</summary>
public static class NotificationSteps
{
    public static async Task<int> UnreadCountAsync(this TestUser user) =>
        (await user.GetAsync<UnreadCountResponse>("api/notifications/unread-count")).Count;

    public static async Task MarkNotificationReadAsync(this TestUser user, Guid id) =>
        (await user.Http.PostAsync($"api/notifications/{id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    /// <summary>A system announcement by an admin; returns the reported count.</summary>
    public static async Task<int> AnnounceAsync(this TestUser admin, string text, params TestUser[] to)
    {
        var response = await admin.Http.PostAsJsonAsync("api/notifications",
            new { text, userIds = to.Length == 0 ? null : to.Select(u => u.Id).ToArray() });
        return (await response.ReadAsync<AnnounceResponse>(HttpStatusCode.Created)).Count;
    }

    public static async Task MuteAsync(this TestUser user, ChannelResponse channel, bool muted = true) =>
        (await user.Http.PutAsJsonAsync($"api/channels/{channel.Id}/mute", new { muted })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);

    public static async Task<MessageResponse> EditAsync(this TestUser user, MessageResponse message, string content) =>
        await (await user.Http.PatchAsJsonAsync($"api/messages/{message.Id}", new { content }))
            .ReadAsync<MessageResponse>(HttpStatusCode.OK);

    public static async Task DeactivateAsync(this TestUser admin, TestUser user) =>
        await (await admin.Http.PatchAsJsonAsync($"api/users/{user.Id}", new { isActive = false }))
            .ReadAsync<UserResponse>(HttpStatusCode.OK);

    /// <summary>A system notification to <paramref name="user"/> only, used as "everything before this has arrived".</summary>
    public static async Task<string> SendMarkerAsync(this TestUser admin, TestUser user)
    {
        var marker = $"marker {Guid.NewGuid():N}";
        (await admin.AnnounceAsync(marker, user)).ShouldBe(1);
        return marker;
    }
}
