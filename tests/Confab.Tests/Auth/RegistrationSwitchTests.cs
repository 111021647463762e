namespace Confab.Tests.Auth;

public sealed class ClosedRegistrationFactory : ConfabFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:AllowRegistration"] = "false",
        ["RateLimiting:AuthPermitLimit"] = "3",
        ["RateLimiting:AuthWindowSeconds"] = "60",
    };
}

public sealed class RegistrationSwitchTests(ClosedRegistrationFactory app) : IClassFixture<ClosedRegistrationFactory>
{
    [Fact]
    public async Task Registration_can_be_switched_off_and_auth_is_rate_limited_per_address()
    {
        using var http = app.Anonymous();
        var body = new { username = "newcomer", email = "newcomer@example.test", password = TestUser.Password };

        await (await http.PostAsJsonAsync("api/auth/register", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await http.PostAsJsonAsync("api/auth/login", new { login = "x", password = "y" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await http.PostAsJsonAsync("api/auth/login", new { login = "x", password = "y" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var limited = await http.PostAsJsonAsync("api/auth/login", new { login = "x", password = "y" });
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }
}
