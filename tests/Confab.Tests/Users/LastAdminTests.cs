namespace Confab.Tests.Users;

public sealed class LastAdminTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated()
    {
        var admin = await app.RegisterAsync("only-admin");
        var second = await app.RegisterAsync("second");
        admin.User.Role.ShouldBe(Role.Admin);

        await (await admin.Http.PatchAsJsonAsync($"api/users/{admin.Id}", new { role = "user" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await (await admin.Http.PatchAsJsonAsync($"api/users/{admin.Id}", new { isActive = false })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");

        await (await admin.Http.PatchAsJsonAsync($"api/users/{second.Id}", new { role = "admin" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await second.Http.PatchAsJsonAsync($"api/users/{second.Id}", new { isActive = false })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await admin.Http.PatchAsJsonAsync($"api/users/{admin.Id}", new { role = "user" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_admin");
        (await admin.GetAsync<UserResponse>("api/users/me")).Role.ShouldBe(Role.Admin);
    }
}
