namespace Confab.Tests.Channels;

/// <summary>
/// The contract's authorization rules for everything inside a channel, one row per endpoint, one column per caller.
/// Each cell runs on a fresh channel (see <see cref="Cast.SceneAsync"/>).
/// </summary>
public static class ChannelAuthorizationTable
{
    // Columns:                                   owner chAdmin member non-member global-admin anonymous
    public static readonly (string Endpoint, int[] Private, int[] Public)[] Rows =
    [
        ("GET channel",              [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
        ("PATCH channel",            [200, 200, 403, 404, 200, 401], [200, 200, 403, 403, 200, 401]),
        ("DELETE channel (archive)", [204, 403, 403, 404, 204, 401], [204, 403, 403, 403, 204, 401]),
        ("POST join",                [200, 200, 200, 404, 403, 401], [200, 200, 200, 200, 200, 401]),
        ("POST leave",               [409, 204, 204, 404, 403, 401], [409, 204, 204, 403, 403, 401]),
        ("GET members",              [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
        ("POST members (newcomer)",  [201, 201, 403, 404, 201, 401], [201, 201, 201, 403, 201, 401]),
        ("DELETE members/member",    [204, 204, 204, 404, 204, 401], [204, 204, 204, 403, 204, 401]),
        ("DELETE members/chadmin",   [204, 204, 403, 404, 204, 401], [204, 204, 403, 403, 204, 401]),
        ("DELETE members/owner",     [409, 403, 403, 404, 409, 401], [409, 403, 403, 403, 409, 401]),
        ("PATCH members/member",     [200, 403, 403, 404, 200, 401], [200, 403, 403, 403, 200, 401]),
        ("PUT read",                 [204, 204, 204, 404, 403, 401], [204, 204, 204, 403, 403, 401]),
        ("PUT mute",                 [204, 204, 204, 404, 403, 401], [204, 204, 204, 403, 403, 401]),
        ("POST messages",            [201, 201, 201, 404, 403, 401], [201, 201, 201, 403, 403, 401]),
        ("GET messages",             [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
        ("GET message",              [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
        ("GET replies",              [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
        ("PATCH message (member's)", [403, 403, 200, 404, 403, 401], [403, 403, 200, 403, 403, 401]),
        ("DELETE message (member's)",[204, 204, 204, 404, 204, 401], [204, 204, 204, 403, 204, 401]),
        ("PUT reaction",             [204, 204, 204, 404, 403, 401], [204, 204, 204, 403, 403, 401]),
        ("DELETE reaction",          [204, 204, 204, 404, 403, 401], [204, 204, 204, 403, 403, 401]),
        ("GET search in channel",    [200, 200, 200, 404, 200, 401], [200, 200, 200, 200, 200, 401]),
    ];

    public static TheoryData<string, Caller, int> For(ChannelType type)
    {
        var data = new TheoryData<string, Caller, int>();
        foreach (var (endpoint, privateRow, publicRow) in Rows)
        {
            var row = type == ChannelType.Private ? privateRow : publicRow;
            foreach (var caller in Enum.GetValues<Caller>())
                data.Add(endpoint, caller, row[(int)caller]);
        }
        return data;
    }

    /// <summary>The request a row stands for, against <paramref name="scene"/>.</summary>
    public static HttpRequestMessage Request(string endpoint, Scene scene, Cast cast)
    {
        var channel = $"api/channels/{scene.Channel.Id}";
        var message = $"api/messages/{scene.Message.Id}";
        return endpoint switch
        {
            "GET channel" => Get(channel),
            "PATCH channel" => Json(HttpMethod.Patch, channel, new { topic = "a new topic" }),
            "DELETE channel (archive)" => new(HttpMethod.Delete, channel),
            "POST join" => new(HttpMethod.Post, $"{channel}/join"),
            "POST leave" => new(HttpMethod.Post, $"{channel}/leave"),
            "GET members" => Get($"{channel}/members"),
            "POST members (newcomer)" => Json(HttpMethod.Post, $"{channel}/members", new { userId = cast.Newcomer.Id }),
            "DELETE members/member" => new(HttpMethod.Delete, $"{channel}/members/{cast.Member.Id}"),
            "DELETE members/chadmin" => new(HttpMethod.Delete, $"{channel}/members/{cast.ChannelAdmin.Id}"),
            "DELETE members/owner" => new(HttpMethod.Delete, $"{channel}/members/{cast.Owner.Id}"),
            "PATCH members/member" => Json(HttpMethod.Patch, $"{channel}/members/{cast.Member.Id}", new { role = "admin" }),
            "PUT read" => Json(HttpMethod.Put, $"{channel}/read", new { seq = 1 }),
            "PUT mute" => Json(HttpMethod.Put, $"{channel}/mute", new { muted = true }),
            "POST messages" => Json(HttpMethod.Post, $"{channel}/messages", new { content = "a new message" }),
            "GET messages" => Get($"{channel}/messages"),
            "GET message" => Get(message),
            "GET replies" => Get($"{message}/replies"),
            "PATCH message (member's)" => Json(HttpMethod.Patch, message, new { content = "edited" }),
            "DELETE message (member's)" => new(HttpMethod.Delete, message),
            "PUT reaction" => new(HttpMethod.Put, $"{message}/reactions/thumbsup"),
            "DELETE reaction" => new(HttpMethod.Delete, $"{message}/reactions/thumbsup"),
            "GET search in channel" => Get($"api/search/messages?q=hello&channelId={scene.Channel.Id}"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No such row."),
        };
    }

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, options: Infrastructure.Json.Options) };
}
