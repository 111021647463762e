using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Confab.Tests.Notifications;

/// <summary>A server whose clock stands still until a test advances it, with a 30-day notification retention.</summary>
public sealed class FrozenClockFactory : NotificationsFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:RetentionDays"] = "30",
        ["Notifications:PruneIntervalMinutes"] = "60",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class NotificationPruningTests(FrozenClockFactory app) : IClassFixture<FrozenClockFactory>
{
    [Fact]
    public async Task The_background_pruner_deletes_notifications_older_than_the_retention_and_keeps_newer_ones()
    {
        var user = await app.RegisterAsync("pru");
        await app.Admin.AnnounceAsync("from day 0", user);
        app.Clock.Advance(TimeSpan.FromDays(29));
        await app.Admin.AnnounceAsync("from day 29", user);
        var pruner = app.Services.GetServices<IHostedService>().OfType<NotificationPruner>().Single();

        (await pruner.PruneAsync(CancellationToken.None)).ShouldBe(0);
        (await user.NotificationsAsync()).Items.Select(n => n.Text).ShouldBe(["from day 29", "from day 0"]);

        // Day 31: the pruner's own timer, on the same clock, is due and runs without being called.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var texts = await PollAsync(async () => (await user.NotificationsAsync()).Items.Select(n => n.Text).ToList(),
            until: texts => texts.Count < 2);

        texts.ShouldBe(["from day 29"]);
        (await user.UnreadCountAsync()).ShouldBe(1);
    }

    /// <summary>Reads until <paramref name="until"/> holds or 10 s pass, and returns the last reading either way.</summary>
    static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var value = await read();
        while (!until(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            value = await read();
        }
        return value;
    }
}
