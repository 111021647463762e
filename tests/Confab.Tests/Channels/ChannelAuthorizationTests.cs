namespace Confab.Tests.Channels;

public sealed class ChannelAuthorizationTests(CastFactory app) : IClassFixture<CastFactory>
{
    public static TheoryData<string, Caller, int> PrivateChannel => ChannelAuthorizationTable.For(ChannelType.Private);
    public static TheoryData<string, Caller, int> PublicChannel => ChannelAuthorizationTable.For(ChannelType.Public);

    [Theory]
    [MemberData(nameof(PrivateChannel))]
    public Task In_a_private_channel(string endpoint, Caller caller, int expected) =>
        AssertAsync(ChannelType.Private, endpoint, caller, expected);

    [Theory]
    [MemberData(nameof(PublicChannel))]
    public Task In_a_public_channel(string endpoint, Caller caller, int expected) =>
        AssertAsync(ChannelType.Public, endpoint, caller, expected);

    async Task AssertAsync(ChannelType type, string endpoint, Caller caller, int expected)
    {
        var cast = app.Cast;
        var scene = await cast.SceneAsync(type);
        using var anonymous = app.Anonymous();
        var http = cast.User(caller)?.Http ?? anonymous;

        using var request = ChannelAuthorizationTable.Request(endpoint, scene, cast);
        var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expected, $"{caller} → {endpoint}: {body}");
        if (expected >= 400)
        {
            var problem = System.Text.Json.JsonSerializer.Deserialize<Problem>(body, Json.Options)!;
            problem.Code.ShouldBe(ExpectedCode(endpoint, expected), body);
        }
    }

    static string ExpectedCode(string endpoint, int status) => status switch
    {
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "last_owner",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, endpoint),
    };
}
