namespace Confab.Tests.Auth;

public sealed class AuthTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Registering_returns_the_user_and_a_working_token_pair()
    {
        var user = await app.RegisterAsync("Rita", "Rita R.");

        user.User.Username.ShouldStartWith("rita");
        user.User.DisplayName.ShouldBe("Rita R.");
        user.Auth.ExpiresIn.ShouldBe(900);
        var me = await user.GetAsync<UserResponse>("api/users/me");
        me.Id.ShouldBe(user.Id);
        me.Email.ShouldBe($"{user.User.Username}@example.test");
    }

    [Fact]
    public async Task Login_works_with_username_or_email_in_any_case()
    {
        var user = await app.RegisterAsync("lena");
        using var http = app.Anonymous();

        foreach (var login in new[] { user.User.Username.ToUpperInvariant(), $"{user.User.Username}@EXAMPLE.test" })
        {
            var response = await http.PostAsJsonAsync("api/auth/login", new { login, password = TestUser.Password });
            (await response.ReadAsync<AuthResult>(HttpStatusCode.OK)).User.Id.ShouldBe(user.Id);
        }
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_401()
    {
        var user = await app.RegisterAsync("wendy");
        using var http = app.Anonymous();

        var wrong = await http.PostAsJsonAsync("api/auth/login", new { login = user.User.Username, password = "not the password" });
        var unknown = await http.PostAsJsonAsync("api/auth/login", new { login = "nobody-at-all", password = "not the password" });

        var first = await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var second = await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        second.Detail.ShouldBe(first.Detail);
    }

    [Fact]
    public async Task Refresh_rotates_and_reusing_an_old_token_revokes_the_family()
    {
        var user = await app.RegisterAsync("rory");
        using var http = app.Anonymous();

        var first = await (await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.Auth.RefreshToken }))
            .ReadAsync<AuthResult>(HttpStatusCode.OK);
        first.RefreshToken.ShouldNotBe(user.Auth.RefreshToken);

        var reuse = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.Auth.RefreshToken });
        await reuse.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var afterReuse = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = first.RefreshToken });
        await afterReuse.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Logout_revokes_the_family_and_answers_204_for_unknown_tokens()
    {
        var user = await app.RegisterAsync("luke");
        using var http = app.Anonymous();

        (await http.PostAsJsonAsync("api/auth/logout", new { refreshToken = user.Auth.RefreshToken })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        (await http.PostAsJsonAsync("api/auth/logout", new { refreshToken = "never-issued" })).StatusCode
            .ShouldBe(HttpStatusCode.NoContent);
        await (await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.Auth.RefreshToken }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Changing_the_password_revokes_refresh_tokens_and_needs_the_current_one()
    {
        var user = await app.RegisterAsync("pam");
        using var http = app.Anonymous();

        var wrong = await user.Http.PutAsJsonAsync("api/users/me/password", new { currentPassword = "nope-nope", newPassword = "a new password" });
        var problem = await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.Errors!.Keys.ShouldBe(["currentPassword"]);

        var changed = await user.Http.PutAsJsonAsync("api/users/me/password", new { currentPassword = TestUser.Password, newPassword = "a new password" });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.Auth.RefreshToken }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var login = await http.PostAsJsonAsync("api/auth/login", new { login = user.User.Username, password = "a new password" });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Usernames_and_emails_are_unique_case_insensitively()
    {
        var user = await app.RegisterAsync("uma");
        using var http = app.Anonymous();

        var sameName = await http.PostAsJsonAsync("api/auth/register",
            new { username = user.User.Username.ToUpperInvariant(), email = "other@example.test", password = TestUser.Password });
        var sameEmail = await http.PostAsJsonAsync("api/auth/register",
            new { username = "someone-else", email = user.User.Email!.ToUpperInvariant(), password = TestUser.Password });

        await sameName.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        await sameEmail.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Endpoints_without_a_valid_token_answer_401()
    {
        using var http = app.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-jwt");

        await (await http.GetAsync("api/users/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("api/channels")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
