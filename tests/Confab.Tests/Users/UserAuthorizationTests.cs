namespace Confab.Tests.Users;

public sealed class UserAuthorizationTests(CastFactory app) : IClassFixture<CastFactory>
{
    //                                  user admin anonymous
    public static TheoryData<string, int, int, int> Table => new()
    {
        { "GET me",                        200, 200, 401 },
        { "PATCH me",                      200, 200, 401 },
        { "PUT me/password (wrong)",       400, 400, 401 },
        { "GET users",                     200, 200, 401 },
        { "GET users/{id}",                200, 200, 401 },
        { "POST users",                    403, 201, 401 },
        { "PATCH users/{id}",              403, 200, 401 },
        { "GET notifications",             200, 200, 401 },
        { "GET notifications/unread-count", 200, 200, 401 },
        { "POST notifications/read-all",   204, 204, 401 },
        { "POST notifications (announce)", 403, 201, 401 },
        { "POST channels",                 201, 201, 401 },
        { "GET channels",                  200, 200, 401 },
        { "GET channels/browse",           200, 200, 401 },
        { "POST channels/direct",          201, 201, 401 },
        { "GET search/messages",           200, 200, 401 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Without_a_channel(string endpoint, int user, int admin, int anonymous)
    {
        foreach (var (caller, expected) in new[] { (Caller.Member, user), (Caller.GlobalAdmin, admin), (Caller.Anonymous, anonymous) })
        {
            var target = await app.RegisterAsync("target");
            using var plain = app.Anonymous();
            var http = app.Cast.User(caller)?.Http ?? plain;

            var response = await http.SendAsync(Request(endpoint, target));

            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(expected, $"{caller} → {endpoint}: {body}");
            if (expected is 401 or 403)
                System.Text.Json.JsonSerializer.Deserialize<Problem>(body, Infrastructure.Json.Options)!.Code.ShouldBe(expected == 401 ? "unauthorized" : "forbidden");
        }
    }

    static HttpRequestMessage Request(string endpoint, TestUser target)
    {
        var name = "made" + Guid.NewGuid().ToString("N")[..8];
        return endpoint switch
        {
            "GET me" => new(HttpMethod.Get, "api/users/me"),
            "PATCH me" => Json(HttpMethod.Patch, "api/users/me", new { displayName = "Renamed" }),
            "PUT me/password (wrong)" => Json(HttpMethod.Put, "api/users/me/password", new { currentPassword = "not it at all", newPassword = "whatever you like" }),
            "GET users" => new(HttpMethod.Get, "api/users?query=a"),
            "GET users/{id}" => new(HttpMethod.Get, $"api/users/{target.Id}"),
            "POST users" => Json(HttpMethod.Post, "api/users", new { username = name, email = $"{name}@example.test", password = "long enough" }),
            "PATCH users/{id}" => Json(HttpMethod.Patch, $"api/users/{target.Id}", new { displayName = "Set by admin" }),
            "GET notifications" => new(HttpMethod.Get, "api/notifications"),
            "GET notifications/unread-count" => new(HttpMethod.Get, "api/notifications/unread-count"),
            "POST notifications/read-all" => new(HttpMethod.Post, "api/notifications/read-all"),
            "POST notifications (announce)" => Json(HttpMethod.Post, "api/notifications", new { text = "maintenance", userIds = new[] { target.Id } }),
            "POST channels" => Json(HttpMethod.Post, "api/channels", new { name, type = "public" }),
            "GET channels" => new(HttpMethod.Get, "api/channels"),
            "GET channels/browse" => new(HttpMethod.Get, "api/channels/browse"),
            "POST channels/direct" => Json(HttpMethod.Post, "api/channels/direct", new { userId = target.Id }),
            "GET search/messages" => new(HttpMethod.Get, "api/search/messages?q=anything"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "No such row."),
        };
    }

    static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, options: Infrastructure.Json.Options) };
}
