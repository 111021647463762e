namespace Confab.Tests.Auth;

public sealed class FirstUserTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task The_first_user_becomes_admin_and_later_ones_are_users()
    {
        var first = await app.RegisterAsync("founder");
        var second = await app.RegisterAsync("joiner");

        first.User.Role.ShouldBe(Role.Admin);
        second.User.Role.ShouldBe(Role.User);
    }
}
