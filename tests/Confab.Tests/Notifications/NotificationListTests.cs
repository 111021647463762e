namespace Confab.Tests.Notifications;

public sealed class NotificationListTests(NotificationsFactory app) : IClassFixture<NotificationsFactory>
{
    [Fact]
    public async Task The_list_is_newest_first_keyset_paged_and_can_show_only_unread_ones()
    {
        var user = await app.RegisterAsync("paula");
        foreach (var n in Enumerable.Range(1, 5))
            await app.Admin.AnnounceAsync($"notice {n}", user);

        var first = await user.NotificationsAsync("?limit=2");
        var second = await user.NotificationsAsync($"?limit=2&cursor={first.NextCursor}");
        var third = await user.NotificationsAsync($"?limit=2&cursor={second.NextCursor}");

        first.Items.Concat(second.Items).Concat(third.Items).Select(n => n.Text)
            .ShouldBe(["notice 5", "notice 4", "notice 3", "notice 2", "notice 1"]);
        third.NextCursor.ShouldBeNull();
        first.Items.ShouldAllBe(n => n.Type == NotificationType.System && n.Actor == null && n.ReadAt == null);

        await user.MarkNotificationReadAsync(first.Items[0].Id);
        await user.MarkNotificationReadAsync(third.Items[0].Id);

        (await user.NotificationsAsync("?unreadOnly=true")).Items.Select(n => n.Text)
            .ShouldBe(["notice 4", "notice 3", "notice 2"]);
        (await user.UnreadCountAsync()).ShouldBe(3);
        var all = (await user.NotificationsAsync()).Items;
        all.Count.ShouldBe(5);
        all[0].ReadAt.ShouldNotBeNull();
        all[0].ReadAt!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public async Task Bad_list_parameters_are_400()
    {
        var user = await app.RegisterAsync("lou");

        await (await user.Http.GetAsync("api/notifications?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await user.Http.GetAsync("api/notifications?cursor=bm90LWEtZ3VpZA")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        await (await user.Http.GetAsync("api/notifications?unreadOnly=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Marking_read_is_idempotent_and_another_users_notification_is_not_found()
    {
        var owner = await app.RegisterAsync("owen");
        var other = await app.RegisterAsync("otto");
        await app.Admin.AnnounceAsync("for owen", owner);
        var notification = (await owner.NotificationsAsync()).Items.Single();

        await (await other.Http.PostAsync($"api/notifications/{notification.Id}/read", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await owner.Http.PostAsync($"api/notifications/{Guid.CreateVersion7()}/read", null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await owner.Http.PostAsync("api/notifications/not-an-id/read", null))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bad_request");
        (await owner.UnreadCountAsync()).ShouldBe(1);

        await owner.MarkNotificationReadAsync(notification.Id);
        var readAt = (await owner.NotificationsAsync()).Items.Single().ReadAt;
        await owner.MarkNotificationReadAsync(notification.Id);

        readAt.ShouldNotBeNull();
        (await owner.NotificationsAsync()).Items.Single().ReadAt.ShouldBe(readAt);
        (await owner.UnreadCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Read_all_marks_only_the_callers_notifications()
    {
        var reader = await app.RegisterAsync("rae");
        var bystander = await app.RegisterAsync("bea");
        foreach (var n in Enumerable.Range(1, 3))
            await app.Admin.AnnounceAsync($"both {n}", reader, bystander);

        (await reader.Http.PostAsync("api/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await reader.UnreadCountAsync()).ShouldBe(0);
        (await reader.NotificationsAsync("?unreadOnly=true")).Items.ShouldBeEmpty();
        (await reader.NotificationsAsync()).Items.ShouldAllBe(n => n.ReadAt != null);
        (await bystander.UnreadCountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task The_unread_count_stays_exact_under_parallel_marks()
    {
        var user = await app.RegisterAsync("para");
        for (var n = 0; n < 30; n++)
            await app.Admin.AnnounceAsync($"parallel {n}", user);
        var ids = (await user.NotificationsAsync()).Items.Select(n => n.Id).ToList();
        var marked = ids.Where((_, i) => i % 2 == 0).ToList();

        // Every chosen id is marked twice at once, while the count is being read.
        var observed = new System.Collections.Concurrent.ConcurrentBag<int>();
        var marks = marked.Concat(marked).Select(async id =>
        {
            var response = await user.Http.PostAsync($"api/notifications/{id}/read", null);
            response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        });
        var counts = Enumerable.Range(0, 10).Select(async _ => observed.Add(await user.UnreadCountAsync()));
        await Task.WhenAll(marks.Concat(counts));

        (await user.UnreadCountAsync()).ShouldBe(15);
        observed.ShouldAllBe(count => count >= 15 && count <= 30);
        var unread = (await user.NotificationsAsync("?unreadOnly=true")).Items.Select(n => n.Id).ToList();
        unread.Order().ShouldBe(ids.Except(marked).Order());
    }

    [Fact]
    public async Task Read_all_racing_new_notifications_leaves_exactly_the_unmarked_ones_unread()
    {
        var user = await app.RegisterAsync("race");
        for (var n = 0; n < 5; n++)
            await app.Admin.AnnounceAsync($"early {n}", user);

        var readAll = Enumerable.Range(0, 5).Select(async _ =>
            (await user.Http.PostAsync("api/notifications/read-all", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent));
        var arriving = Enumerable.Range(0, 5).Select(n => app.Admin.AnnounceAsync($"late {n}", user));
        await Task.WhenAll(readAll.Concat(arriving));

        var all = (await user.NotificationsAsync()).Items;
        all.Count.ShouldBe(10);
        (await user.UnreadCountAsync()).ShouldBe(all.Count(n => n.ReadAt == null));
        all.Where(n => n.Text.StartsWith("early", StringComparison.Ordinal)).ShouldAllBe(n => n.ReadAt != null);
    }
}
