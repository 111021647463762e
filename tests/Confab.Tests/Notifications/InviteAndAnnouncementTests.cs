namespace Confab.Tests.Notifications;

public sealed class InviteAndAnnouncementTests(NotificationsFactory app) : IClassFixture<NotificationsFactory>
{
    [Fact]
    public async Task Being_added_to_a_channel_creates_and_pushes_a_channel_invite_once()
    {
        var owner = await app.RegisterAsync("olga");
        var guest = await app.RegisterAsync("gus");
        var channel = await owner.CreateChannelAsync("secret", ChannelType.Private);
        await using var inbox = await NotificationInbox.OpenAsync(guest);

        await owner.AddMemberAsync(channel, guest);
        var again = await owner.Http.PostAsJsonAsync($"api/channels/{channel.Id}/members", new { userId = guest.Id });

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pushed = await inbox.WaitForAsync(n => n.Type == NotificationType.ChannelInvite);
        pushed.ChannelId.ShouldBe(channel.Id);
        pushed.MessageId.ShouldBeNull();
        pushed.Actor!.Id.ShouldBe(owner.Id);
        pushed.Text.ShouldContain(channel.Name!);
        (await inbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(guest))).ShouldBe([pushed]);
        (await guest.NotificationsAsync()).Items.Count(n => n.Type == NotificationType.ChannelInvite).ShouldBe(1);
        (await owner.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Joining_or_adding_oneself_creates_no_invite()
    {
        var owner = await app.RegisterAsync("ora");
        var joiner = await app.RegisterAsync("jo");
        var open = await owner.CreateChannelAsync("open");
        var secret = await owner.CreateChannelAsync("hidden", ChannelType.Private);

        await joiner.JoinAsync(open);
        await app.Admin.AddMemberAsync(secret, app.Admin);

        (await joiner.NotificationsAsync()).Items.ShouldBeEmpty();
        (await app.Admin.NotificationsAsync()).Items.ShouldNotContain(n => n.Type == NotificationType.ChannelInvite);
    }

    [Fact]
    public async Task An_announcement_to_listed_users_counts_each_active_one_once_and_is_pushed()
    {
        var ann = await app.RegisterAsync("ann");
        var ben = await app.RegisterAsync("ben");
        var gone = await app.RegisterAsync("gone");
        await app.Admin.DeactivateAsync(gone);
        await using var inbox = await NotificationInbox.OpenAsync(ann);

        var count = await app.Admin.AnnounceAsync("  maintenance at 22:00  ", ann, ben, ann, gone);

        count.ShouldBe(2);
        var pushed = await inbox.WaitForAsync(n => n.Type == NotificationType.System);
        pushed.Text.ShouldBe("maintenance at 22:00");
        pushed.Actor.ShouldBeNull();
        pushed.ChannelId.ShouldBeNull();
        pushed.MessageId.ShouldBeNull();
        (await ann.NotificationsAsync()).Items.ShouldBe([pushed]);
        (await ben.NotificationsAsync()).Items.Single().Text.ShouldBe("maintenance at 22:00");
    }

    [Fact]
    public async Task An_announcement_with_an_unknown_user_id_is_400_and_creates_nothing()
    {
        var known = await app.RegisterAsync("kim");
        var unknown = Guid.CreateVersion7();

        var response = await app.Admin.Http.PostAsJsonAsync("api/notifications", new { text = "hello", userIds = new[] { known.Id, unknown } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.Errors!.Keys.ShouldBe(["userIds"]);
        (await known.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_admins_announce_and_the_text_is_validated()
    {
        var user = await app.RegisterAsync("ulla");

        await (await user.Http.PostAsJsonAsync("api/notifications", new { text = "hi" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.Admin.Http.PostAsJsonAsync("api/notifications", new { text = "   ", userIds = new[] { user.Id } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await user.NotificationsAsync()).Items.ShouldBeEmpty();
    }
}

public sealed class AnnouncementToEveryoneTests(NotificationsFactory app) : IClassFixture<NotificationsFactory>
{
    [Fact]
    public async Task An_announcement_without_user_ids_reaches_every_active_user()
    {
        var ann = await app.RegisterAsync("ann");
        var ben = await app.RegisterAsync("ben");
        var gone = await app.RegisterAsync("gone");
        await app.Admin.DeactivateAsync(gone);
        await using var benInbox = await NotificationInbox.OpenAsync(ben);

        var count = await app.Admin.AnnounceAsync("all hands at noon");

        count.ShouldBe(3);
        (await benInbox.WaitForAsync(n => n.Text == "all hands at noon")).Type.ShouldBe(NotificationType.System);
        foreach (var user in new[] { app.Admin, ann, ben })
            (await user.NotificationsAsync()).Items.Select(n => n.Text).ShouldBe(["all hands at noon"]);
    }
}
