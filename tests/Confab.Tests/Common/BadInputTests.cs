namespace Confab.Tests.Common;

/// <summary>Inputs a well-behaved client never sends: each gets its exact 4xx problem, never a 5xx.</summary>
public sealed class BadInputTests(CastFactory app) : IClassFixture<CastFactory>
{
    const string Json = "application/json";

    // {channel} is a public channel the caller owns, {message} a message of theirs in it, {user} another user.
    public static TheoryData<string, string, string?, string, int, string> Requests => new()
    {
        // method, path, body, content type → status, code
        { "POST", "api/channels", "{", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"name\": \"x\", \"type\": \"public\",}", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"name\": 5, \"type\": \"public\"}", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"name\": \"x\", \"type\": \"secret\"}", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"name\": \"x\", \"type\": 1}", Json, 400, "bad_request" },
        { "POST", "api/channels", "[\"x\"]", Json, 400, "bad_request" },
        { "POST", "api/channels", "", Json, 400, "bad_request" },
        { "POST", "api/channels", "\"just a string\"", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"name\": " + new string('[', 100) + new string(']', 100) + "}", Json, 400, "bad_request" },
        { "POST", "api/channels", "{\"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": null, \"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"   \", \"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"bell\\u0007\", \"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"nul\\u0000\", \"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"" + new string('n', 81) + "\", \"type\": \"public\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"x\", \"type\": \"direct\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "{\"name\": \"x\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels", "name=x&type=public", "application/x-www-form-urlencoded", 415, "unsupported_media_type" },
        { "POST", "api/channels", "{\"name\": \"x\", \"type\": \"public\"}", "text/plain", 415, "unsupported_media_type" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"" + new string('a', 70 * 1024) + "\"}", Json, 413, "payload_too_large" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \" \\n\\t \"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"" + new string('a', 4001) + "\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"escape \\u001b[31m\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"carriage\\rreturn\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"ok\", \"clientMessageId\": \"" + new string('c', 65) + "\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"ok\", \"clientMessageId\": \"tab\\u0001\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"ok\", \"parentId\": \"not-a-guid\"}", Json, 400, "bad_request" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": \"ok\", \"parentId\": \"" + Guid.Empty + "\"}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/messages", "{\"content\": [\"ok\"]}", Json, 400, "bad_request" },
        { "PATCH", "api/messages/{message}", "{\"content\": null}", Json, 400, "validation_failed" },
        { "GET", "api/channels/not-a-guid", null, Json, 400, "bad_request" },
        { "GET", "api/messages/12345", null, Json, 400, "bad_request" },
        { "GET", "api/users/someone", null, Json, 400, "bad_request" },
        { "POST", "api/notifications/xyz/read", null, Json, 400, "bad_request" },
        { "DELETE", "api/channels/{channel}/members/zzz", null, Json, 400, "bad_request" },
        { "GET", "api/channels/{channel}/messages?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/channels/{channel}/messages?limit=-5", null, Json, 400, "validation_failed" },
        { "GET", "api/channels/{channel}/messages?limit=abc", null, Json, 400, "bad_request" },
        { "GET", "api/channels/{channel}/messages?limit=99999999999", null, Json, 400, "bad_request" },
        { "GET", "api/channels/{channel}/messages?before=1.5", null, Json, 400, "bad_request" },
        { "GET", "api/channels/{channel}/messages?after=-1", null, Json, 400, "validation_failed" },
        { "GET", "api/channels/{channel}/messages?before=5&after=1", null, Json, 400, "validation_failed" },
        { "GET", "api/messages/{message}/replies?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/messages/{message}/replies?after=x", null, Json, 400, "bad_request" },
        { "GET", "api/channels/{channel}/members?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/channels/{channel}/members?cursor=%25%25%25", null, Json, 400, "bad_request" },
        { "GET", "api/channels/browse?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/channels/browse?cursor=***", null, Json, 400, "bad_request" },
        { "GET", "api/users?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/users?limit=ten", null, Json, 400, "bad_request" },
        { "GET", "api/notifications?limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/notifications?unreadOnly=maybe", null, Json, 400, "bad_request" },
        { "GET", "api/notifications?cursor=bm90LWEtZ3VpZA", null, Json, 400, "bad_request" },
        { "GET", "api/search/messages?q=", null, Json, 400, "validation_failed" },
        { "GET", "api/search/messages?q=%20%20", null, Json, 400, "validation_failed" },
        { "GET", "api/search/messages", null, Json, 400, "validation_failed" },
        { "GET", "api/search/messages?q=hi&limit=0", null, Json, 400, "validation_failed" },
        { "GET", "api/search/messages?q=hi&channelId=nope", null, Json, 400, "bad_request" },
        { "GET", "api/search/messages?q=hi&cursor=!!", null, Json, 400, "bad_request" },
        { "PUT", "api/channels/{channel}/read", "{\"seq\": \"five\"}", Json, 400, "bad_request" },
        { "PUT", "api/channels/{channel}/read", "{\"seq\": 1.5}", Json, 400, "bad_request" },
        { "PUT", "api/channels/{channel}/read", "{\"seq\": 1e400}", Json, 400, "bad_request" },
        { "PUT", "api/channels/{channel}/read", "{\"seq\": -1}", Json, 400, "validation_failed" },
        { "PUT", "api/channels/{channel}/read", "{}", Json, 400, "validation_failed" },
        { "PUT", "api/channels/{channel}/mute", "{\"muted\": \"yes\"}", Json, 400, "bad_request" },
        { "PUT", "api/channels/{channel}/mute", "{\"muted\": null}", Json, 400, "validation_failed" },
        { "POST", "api/channels/direct", "{\"userId\": \"nope\"}", Json, 400, "bad_request" },
        { "POST", "api/channels/direct", "{\"userId\": 42}", Json, 400, "bad_request" },
        { "POST", "api/channels/direct", "{}", Json, 400, "validation_failed" },
        { "POST", "api/channels/{channel}/members", "{\"userId\": null}", Json, 400, "validation_failed" },
        { "PATCH", "api/channels/{channel}/members/{user}", "{\"role\": \"king\"}", Json, 400, "bad_request" },
        { "PATCH", "api/channels/{channel}/members/{user}", "{\"role\": \"\"}", Json, 400, "bad_request" },
        { "PATCH", "api/channels/{channel}", "{\"name\": \"\"}", Json, 400, "validation_failed" },
        { "PATCH", "api/channels/{channel}", "{\"topic\": \"" + new string('t', 251) + "\"}", Json, 400, "validation_failed" },
        { "PATCH", "api/channels/{channel}", "{\"topic\": \"form\\ffeed\"}", Json, 400, "validation_failed" },
        { "PUT", "api/messages/{message}/reactions/two%20words", null, Json, 400, "validation_failed" },
        { "PUT", "api/messages/{message}/reactions/" + new string('e', 65), null, Json, 400, "validation_failed" },
        { "PATCH", "api/users/me", "{\"displayName\": \"\\u0000\"}", Json, 400, "validation_failed" },
        { "PATCH", "api/users/me", "{\"displayName\": \"" + new string('d', 65) + "\"}", Json, 400, "validation_failed" },
        { "PUT", "api/users/me/password", "{\"currentPassword\": \"whatever1\", \"newPassword\": \"short\"}", Json, 400, "validation_failed" },
        { "PATCH", "api/users/{user}", "{\"role\": \"root\"}", Json, 400, "bad_request" },
        { "PATCH", "api/users/{user}", "{\"isActive\": \"no\"}", Json, 400, "bad_request" },
        { "POST", "api/users", "{\"username\": \"Has Space\", \"email\": \"a@example.test\", \"password\": \"long enough\"}", Json, 400, "validation_failed" },
        { "POST", "api/users", "{\"username\": \"fine.name\", \"email\": \"not-an-email\", \"password\": \"long enough\"}", Json, 400, "validation_failed" },
        { "POST", "api/notifications", "{\"text\": \"hi\", \"userIds\": [\"" + Guid.Empty + "\"]}", Json, 400, "validation_failed" },
        { "POST", "api/notifications", "{\"text\": \"hi\", \"userIds\": \"everyone\"}", Json, 400, "bad_request" },
        { "POST", "api/auth/register", "{\"username\": \"ab\", \"email\": \"ab@example.test\", \"password\": \"long enough\"}", Json, 400, "validation_failed" },
        { "POST", "api/auth/login", "{\"login\": 1, \"password\": 2}", Json, 400, "bad_request" },
        { "POST", "api/auth/refresh", "<refreshToken/>", "application/xml", 415, "unsupported_media_type" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Is_answered_with_its_exact_problem(string method, string path, string? body, string contentType, int status, string code)
    {
        var cast = app.Cast;
        var caller = cast.GlobalAdmin;
        var channel = await caller.CreateChannelAsync("inputs");
        var message = await caller.PostAsync(channel, "a message");
        var url = path.Replace("{channel}", channel.Id.ToString(), StringComparison.Ordinal)
            .Replace("{message}", message.Id.ToString(), StringComparison.Ordinal)
            .Replace("{user}", cast.Member.Id.ToString(), StringComparison.Ordinal);

        var response = body is null
            ? await caller.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))
            : await caller.Http.SendRawAsync(new HttpMethod(method), url, body, contentType);

        await response.ShouldBeProblemAsync((HttpStatusCode)status, code);
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_is_413_too()
    {
        var owner = app.Cast.Owner;
        var channel = await owner.CreateChannelAsync("chunked");
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "{\"content\": \"" + new string('a', 100 * 1024) + "\"}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/channels/{channel.Id}/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await owner.Http.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await owner.HistoryAsync(channel)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validation_errors_name_the_fields_as_the_client_sent_them()
    {
        var owner = app.Cast.Owner;

        var response = await owner.Http.SendRawAsync(HttpMethod.Post, "api/channels", "{\"name\": \"\", \"type\": \"public\", \"topic\": \"\\u0002\"}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.Errors!.Keys.Order().ShouldBe(["name", "topic"]);
    }
}
