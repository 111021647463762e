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

    /// <summary>An open hub connection of this user over WebSockets.</summary>
    public async Task<HubConnection> ConnectHubAsync(bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(Auth.AccessToken);
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        if (messagePack)
            builder.AddMessagePackProtocol();
        else
            builder.AddJsonProtocol(options => Confab.Common.JsonSetup.Configure(options.PayloadSerializerOptions));
        var connection = builder.Build();
        await connection.StartAsync();
        return connection;
    }

    public void Dispose() => Http.Dispose();
}
