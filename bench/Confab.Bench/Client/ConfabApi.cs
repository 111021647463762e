using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Confab.Bench.Client;

/// <summary>The REST calls of API.md the benchmark makes, over one pooled HttpClient.</summary>
public sealed class ConfabApi(Uri baseUrl) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = new(new SocketsHttpHandler
    {
        UseProxy = false,
        MaxConnectionsPerServer = 1024,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<AuthResult> RegisterAsync(string username, string password) =>
        SendAsync<AuthResult>(HttpMethod.Post, "api/auth/register", null, new { username, email = $"{username}@bench.invalid", password });

    public Task<AuthResult> RefreshAsync(string refreshToken) =>
        SendAsync<AuthResult>(HttpMethod.Post, "api/auth/refresh", null, new { refreshToken });

    public Task<ChannelInfo> CreateChannelAsync(string token, string name) =>
        SendAsync<ChannelInfo>(HttpMethod.Post, "api/channels", token, new { name, type = "public" });

    public Task<ChannelInfo> JoinAsync(string token, string channelId) =>
        SendAsync<ChannelInfo>(HttpMethod.Post, $"api/channels/{channelId}/join", token, null);

    public Task<ChannelInfo> GetChannelAsync(string token, string channelId) =>
        SendAsync<ChannelInfo>(HttpMethod.Get, $"api/channels/{channelId}", token, null);

    public Task<MessageEvent> PostMessageAsync(string token, string channelId, string content, string clientMessageId) =>
        SendAsync<MessageEvent>(HttpMethod.Post, $"api/channels/{channelId}/messages", token, new { content, clientMessageId });

    public Task<Page<MessageEvent>> HistoryAsync(string token, string channelId, int limit) =>
        SendAsync<Page<MessageEvent>>(HttpMethod.Get, $"api/channels/{channelId}/messages?limit={limit}", token, null);

    async Task<T> SendAsync<T>(HttpMethod method, string path, string? token, object? body)
    {
        using HttpRequestMessage request = new(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using HttpResponseMessage response = await Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            string problem = await response.Content.ReadAsStringAsync();
            throw new ConfabApiException(response.StatusCode, $"{method} /{path} answered {(int)response.StatusCode}: {Truncate(problem)}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json)
            ?? throw new ConfabApiException(HttpStatusCode.OK, $"{method} /{path} answered an empty body");
    }

    static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    public void Dispose() => Http.Dispose();
}
