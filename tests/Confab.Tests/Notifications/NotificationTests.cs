namespace Confab.Tests.Notifications;

public sealed class NotificationTests(CastFactory app) : IClassFixture<CastFactory>
{
    [Fact]
    public async Task Notifications_are_listed_newest_first_counted_and_marked_read()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");
        var (direct, _) = await ann.OpenDirectAsync(bob);
        var first = await ann.PostAsync(direct, "one");
        var second = await ann.PostAsync(direct, "two");

        var list = await bob.NotificationsAsync();
        list.Items.Select(n => n.MessageId).ShouldBe([second.Id, first.Id]);
        (await bob.GetAsync<UnreadCountResponse>("api/notifications/unread-count")).Count.ShouldBe(2);

        await (await bob.Http.PostAsync($"api/notifications/{list.Items[1].Id}/read", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await bob.GetAsync<Page<NotificationResponse>>("api/notifications?unreadOnly=true")).Items.Select(n => n.MessageId).ShouldBe([second.Id]);
        await (await ann.Http.PostAsync($"api/notifications/{list.Items[0].Id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        await (await bob.Http.PostAsync("api/notifications/read-all", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await bob.GetAsync<UnreadCountResponse>("api/notifications/unread-count")).Count.ShouldBe(0);
        (await bob.NotificationsAsync()).Items.ShouldAllBe(n => n.ReadAt != null);
    }

    [Fact]
    public async Task An_announcement_counts_duplicates_once_and_skips_inactive_users()
    {
        var admin = app.Cast.GlobalAdmin;
        var cid = await app.RegisterAsync("cid");
        var dan = await app.RegisterAsync("dan");
        var gone = await app.RegisterAsync("gone");
        await (await admin.Http.PatchAsJsonAsync($"api/users/{gone.Id}", new { isActive = false })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await admin.Http.PostAsJsonAsync("api/notifications", new { text = "  maintenance at noon ", userIds = new[] { cid.Id, dan.Id, cid.Id, gone.Id } });

        (await response.ReadAsync<AnnounceResponse>(HttpStatusCode.Created)).Count.ShouldBe(2);
        var notification = (await cid.NotificationsAsync()).Items.ShouldHaveSingleItem();
        (notification.Type, notification.Text, notification.Actor, notification.ChannelId).ShouldBe((NotificationType.System, "maintenance at noon", (UserSummary?)null, (Guid?)null));
    }
}
