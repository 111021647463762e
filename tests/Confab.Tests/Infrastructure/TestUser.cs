using System.Net.Http.Headers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Infrastructure;

/// <summary>A registered user with an authenticated client: the steps a test story is told in.</summary>
public sealed class TestUser : IDisposable
{
    public const string Password = "correct horse battery";

    readonly ConfabFactory app;

    public TestUser(ConfabFactory app, AuthResult auth)
    {
        this.app = app;
        Auth = auth;
        Http = app.Anonymous();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.AccessToken);
    }

    public AuthResult Auth { get; }
    public UserResponse User => Auth.User;
    public Guid Id => User.Id;
    public HttpClient Http { get; }

    public async Task<ChannelResponse> CreateChannelAsync(string name, ChannelType type = ChannelType.Public)
    {
        var response = await Http.PostAsJsonAsync("api/channels", new { name = $"{name}-{Guid.NewGuid().ToString("N")[..8]}", type = type.ToString().ToLowerInvariant() });
        return await response.ReadAsync<ChannelResponse>(HttpStatusCode.Created);
    }

    public async Task JoinAsync(ChannelResponse channel) =>
        await (await Http.PostAsync($"api/channels/{channel.Id}/join", null)).ReadAsync<ChannelResponse>(HttpStatusCode.OK);

    public async Task AddMemberAsync(ChannelResponse channel, TestUser user)
    {
        var response = await Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = user.Id });
        await response.ReadAsync<ChannelMemberResponse>(HttpStatusCode.Created);
    }

    public async Task<MessageResponse> PostAsync(ChannelResponse channel, string content, string? clientMessageId = null, Guid? parentId = null)
    {
        var response = await Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages", new { content, clientMessageId, parentId });
        return await response.ReadAsync<MessageResponse>(HttpStatusCode.Created);
    }

    public Task<T> GetAsync<T>(string path) => GetAsync<T>(path, HttpStatusCode.OK);

    public async Task<T> GetAsync<T>(string path, HttpStatusCode expected) =>
        await (await Http.GetAsync(path)).ReadAsync<T>(expected);

    /// <summary>
    /// An open hub connection of this user over WebSockets, subscribed to the user's channels: the handshake completes
    /// before the server's OnConnectedAsync runs, but calls are served only after it, so one answered call proves it.
    /// </summary>
    public async Task<HubConnection> ConnectHubAsync(bool messagePack = false)
    {
        var connection = HubClient.Build(app, Auth.AccessToken, messagePack: messagePack);
        await connection.StartAsync();
        await connection.InvokeCoreAsync("Sync", typeof(object), [Array.Empty<object>()]);
        return connection;
    }

    public void Dispose() => Http.Dispose();
}
