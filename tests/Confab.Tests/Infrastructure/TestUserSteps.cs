namespace Confab.Tests.Infrastructure;

/// <summary>More steps of a test story, beyond the ones every test needs.</summary>
public static class TestUserSteps
{
    public static async Task<ChannelMemberResponse> SetRoleAsync(this TestUser caller, ChannelResponse channel, TestUser member, ChannelRole role)
    {
        var response = await caller.Http.PatchAsJsonAsync($"api/channels/{channel.Id}/members/{member.Id}",
            new { role = role.ToString().ToLowerInvariant() });
        return await response.ReadAsync<ChannelMemberResponse>(HttpStatusCode.OK);
    }

    public static async Task<ChannelResponse> ChannelAsync(this TestUser caller, ChannelResponse channel) =>
        await caller.GetAsync<ChannelResponse>($"api/channels/{channel.Id}");

    public static async Task<MessageResponse> MessageAsync(this TestUser caller, Guid messageId) =>
        await caller.GetAsync<MessageResponse>($"api/messages/{messageId}");

    public static async Task<MessagePage> HistoryAsync(this TestUser caller, ChannelResponse channel, string query = "") =>
        await caller.GetAsync<MessagePage>($"api/channels/{channel.Id}/messages{query}");

    public static async Task MarkReadAsync(this TestUser caller, ChannelResponse channel, long seq) =>
        await (await caller.Http.PutAsJsonAsync($"api/channels/{channel.Id}/read", new { seq }))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    public static async Task ArchiveAsync(this TestUser caller, ChannelResponse channel) =>
        await (await caller.Http.DeleteAsync($"api/channels/{channel.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

    public static async Task<(ChannelResponse Channel, HttpStatusCode Status)> OpenDirectAsync(this TestUser caller, TestUser other)
    {
        var response = await caller.Http.PostAsJsonAsync("api/channels/direct", new { userId = other.Id });
        var status = response.StatusCode;
        return (await response.ReadAsync<ChannelResponse>(status is HttpStatusCode.Created ? status : HttpStatusCode.OK), status);
    }

    public static async Task<Page<NotificationResponse>> NotificationsAsync(this TestUser caller, string query = "") =>
        await caller.GetAsync<Page<NotificationResponse>>($"api/notifications{query}");
}
