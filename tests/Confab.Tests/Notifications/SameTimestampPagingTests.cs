namespace Confab.Tests.Notifications;

public sealed class SameTimestampPagingTests(FrozenClockFactory app) : IClassFixture<FrozenClockFactory>
{
    [Fact]
    public async Task Paging_returns_every_notification_once_when_they_share_a_timestamp()
    {
        var user = await app.RegisterAsync("tick");
        foreach (var n in Enumerable.Range(1, 7))
            await app.Admin.AnnounceAsync($"same instant {n}", user);

        var seen = new List<NotificationResponse>();
        string? cursor = null;
        do
        {
            var page = await user.NotificationsAsync($"?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        seen.Select(n => n.CreatedAt).Distinct().Count().ShouldBe(1);
        seen.Select(n => n.Id).ShouldBe(seen.Select(n => n.Id).OrderDescending());
        seen.Select(n => n.Text).Order().ShouldBe(Enumerable.Range(1, 7).Select(n => $"same instant {n}"));
    }
}
