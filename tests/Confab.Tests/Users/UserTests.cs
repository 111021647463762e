namespace Confab.Tests.Users;

public sealed class UserTests(CastFactory app) : IClassFixture<CastFactory>
{
    TestUser Admin => app.Cast.GlobalAdmin;

    [Fact]
    public async Task Email_is_shown_only_to_the_user_themself_and_to_admins()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");

        (await ann.GetAsync<UserResponse>($"api/users/{ann.Id}")).Email.ShouldBe($"{ann.User.Username}@example.test");
        (await Admin.GetAsync<UserResponse>($"api/users/{ann.Id}")).Email.ShouldBe($"{ann.User.Username}@example.test");
        (await bob.GetAsync<UserResponse>($"api/users/{ann.Id}")).Email.ShouldBeNull();
        (await bob.Http.GetStringAsync($"api/users/{ann.Id}")).ShouldNotContain("email");
        var found = await bob.GetAsync<Page<UserResponse>>($"api/users?query={ann.User.Username}");
        found.Items.ShouldHaveSingleItem().Email.ShouldBeNull();
    }

    [Fact]
    public async Task A_user_reads_and_renames_themself()
    {
        var cid = await app.RegisterAsync("cid");

        var renamed = await (await cid.Http.PatchAsJsonAsync("api/users/me", new { displayName = "  Cid the Kid " })).ReadAsync<UserResponse>(HttpStatusCode.OK);
        var me = await cid.GetAsync<UserResponse>("api/users/me");

        renamed.DisplayName.ShouldBe("Cid the Kid");
        me.ShouldBeEquivalentTo(renamed);
        (me.Id, me.Username, me.Role, me.IsActive).ShouldBe((cid.Id, cid.User.Username, Role.User, true));
        (await (await cid.Http.PatchAsJsonAsync("api/users/me", new { })).ReadAsync<UserResponse>(HttpStatusCode.OK)).DisplayName.ShouldBe("Cid the Kid");
    }

    [Fact]
    public async Task A_new_display_name_is_on_the_next_message_at_once()
    {
        var dee = await app.RegisterAsync("dee");
        var channel = await dee.CreateChannelAsync("dee-" + Guid.NewGuid().ToString("N")[..8]);
        (await dee.PostAsync(channel, "before")).Author.DisplayName.ShouldBe(dee.User.DisplayName);

        await (await dee.Http.PatchAsJsonAsync("api/users/me", new { displayName = "Dee Renamed" })).ReadAsync<UserResponse>(HttpStatusCode.OK);

        (await dee.PostAsync(channel, "after")).Author.DisplayName.ShouldBe("Dee Renamed");
    }

    [Fact]
    public async Task Search_finds_by_username_or_display_name_prefix_in_pages()
    {
        var tag = "q" + Guid.NewGuid().ToString("N")[..6];
        var users = new List<TestUser>();
        foreach (var suffix in new[] { "a", "b", "c" })
            users.Add(await app.RegisterAsync($"{tag}{suffix}"));
        var byDisplay = await app.RegisterAsync("zz", displayName: $"{tag.ToUpperInvariant()} Display");
        var searcher = await app.RegisterAsync("searcher");

        var first = await searcher.GetAsync<Page<UserResponse>>($"api/users?query={tag.ToUpperInvariant()}&limit=2");
        var second = await searcher.GetAsync<Page<UserResponse>>($"api/users?query={tag}&limit=2&cursor={first.NextCursor}");
        var middle = await searcher.GetAsync<Page<UserResponse>>($"api/users?query={tag[1..]}");

        first.Items.Select(u => u.Id).ShouldBe([users[0].Id, users[1].Id]);
        second.Items.Select(u => u.Id).ShouldBe([users[2].Id, byDisplay.Id]);
        second.NextCursor.ShouldBeNull();
        middle.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_treats_like_wildcards_as_plain_text()
    {
        var searcher = await app.RegisterAsync("wild");

        var percent = await searcher.GetAsync<Page<UserResponse>>("api/users?query=%25");
        var underscore = await searcher.GetAsync<Page<UserResponse>>("api/users?query=_");

        percent.Items.ShouldBeEmpty();
        underscore.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        var dan = await app.RegisterAsync("dan");

        await (await dan.Http.GetAsync($"api/users/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await Admin.Http.PatchAsJsonAsync($"api/users/{Guid.NewGuid()}", new { displayName = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_admin_creates_users_with_a_role()
    {
        var name = "new" + Guid.NewGuid().ToString("N")[..6];

        var response = await Admin.Http.PostAsJsonAsync("api/users",
            new { username = name.ToUpperInvariant(), email = $"{name}@Example.test", password = "long enough", displayName = "New One", role = "admin" });
        var duplicate = await Admin.Http.PostAsJsonAsync("api/users",
            new { username = name, email = $"other-{name}@example.test", password = "long enough" });

        var created = await response.ReadAsync<UserResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/users/{created.Id}");
        (created.Username, created.Email, created.DisplayName, created.Role, created.IsActive).ShouldBe((name, $"{name}@Example.test", "New One", Role.Admin, true));
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        using var http = app.Anonymous();
        (await http.PostAsJsonAsync("api/auth/login", new { login = name, password = "long enough" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_updates_a_user_and_a_deactivated_user_cannot_log_in()
    {
        var eve = await app.RegisterAsync("eve");

        var updated = await (await Admin.Http.PatchAsJsonAsync($"api/users/{eve.Id}", new { displayName = "Eve E.", role = "admin" }))
            .ReadAsync<UserResponse>(HttpStatusCode.OK);
        var deactivated = await (await Admin.Http.PatchAsJsonAsync($"api/users/{eve.Id}", new { role = "user", isActive = false }))
            .ReadAsync<UserResponse>(HttpStatusCode.OK);

        (updated.DisplayName, updated.Role, updated.IsActive).ShouldBe(("Eve E.", Role.Admin, true));
        (deactivated.DisplayName, deactivated.Role, deactivated.IsActive).ShouldBe(("Eve E.", Role.User, false));
        using var http = app.Anonymous();
        await (await http.PostAsJsonAsync("api/auth/login", new { login = eve.User.Username, password = TestUser.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await eve.Http.GetAsync("api/users/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
