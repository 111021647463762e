using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Confab.Tests.Notifications;

/// <summary>A channel of more than 50 members (one muted, one a channel admin), and the SQL the server runs.</summary>
public sealed class LargeChannelFactory : NotificationsFactory
{
    public const int Crowd = 55;

    public CommandLog Log { get; } = new();
    public TestUser Owner { get; private set; } = null!;
    public TestUser ChannelAdmin { get; private set; } = null!;
    public TestUser Muted { get; private set; } = null!;
    public List<TestUser> Members { get; } = [];
    public ChannelResponse Channel { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Owner = await RegisterAsync("owner");
        Channel = await Owner.CreateChannelAsync("everyone");
        Members.AddRange(await Task.WhenAll(Enumerable.Range(0, Crowd).Select(_ => RegisterAsync("crowd"))));
        foreach (var member in Members)
            await member.JoinAsync(Channel);
        (ChannelAdmin, Muted) = (Members[0], Members[1]);
        await Owner.SetRoleAsync(Channel, ChannelAdmin, ChannelRole.Admin);
        await Muted.MuteAsync(Channel);
    }

    public IEnumerable<TestUser> Everyone => Members.Prepend(Owner);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log)
            .AddFilter<CommandLog>(CommandLog.Category, LogLevel.Information));
    }
}

public sealed class LargeChannelMentionTests(LargeChannelFactory app) : IClassFixture<LargeChannelFactory>
{
    [Fact]
    public async Task At_channel_from_a_plain_member_of_a_channel_over_50_members_is_posted_and_mentions_nobody()
    {
        var author = app.Members[^1];
        var named = app.Members[^2];
        await using var inbox = await NotificationInbox.OpenAsync(app.Members[^3]);

        var message = await author.PostAsync(app.Channel, "@channel please read the runbook");
        var namedOnly = await author.PostAsync(app.Channel, $"@channel and @{named.User.Username} especially");

        message.Content.ShouldBe("@channel please read the runbook");
        message.Mentions.ShouldBeEmpty();
        namedOnly.Mentions.ShouldBe([named.Id]);
        (await inbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(app.Members[^3]))).ShouldBeEmpty();
        foreach (var user in app.Everyone)
        {
            var notified = (await user.NotificationsAsync()).Items.Where(n => n.MessageId == message.Id || n.MessageId == namedOnly.Id);
            notified.Select(n => n.MessageId).ShouldBe(user == named ? [namedOnly.Id] : [], user.User.Username);
        }
    }

    [Fact]
    public async Task At_channel_from_the_owner_notifies_every_unmuted_member_with_one_insert_per_table()
    {
        var listener = app.Members[^4];
        await using var inbox = await NotificationInbox.OpenAsync(listener);

        MessageResponse message = null!;
        var commands = await app.Log.DuringAsync(async () => message = await app.Owner.PostAsync(app.Channel, "@channel release is out"));

        message.Mentions.Order().ShouldBe(app.Members.Select(m => m.Id).Order());
        commands.Count(c => c.Contains("INSERT INTO \"Notifications\"", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", commands));
        commands.Count(c => c.Contains("INSERT INTO \"MessageMentions\"", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n", commands));
        var pushed = await inbox.WaitForAsync(n => n.MessageId == message.Id);
        pushed.Type.ShouldBe(NotificationType.Mention);
        pushed.Actor!.Id.ShouldBe(app.Owner.Id);
        foreach (var user in app.Everyone)
        {
            var notified = (await user.NotificationsAsync()).Items.Where(n => n.MessageId == message.Id).ToList();
            notified.Count.ShouldBe(user == app.Owner || user == app.Muted ? 0 : 1, user.User.Username);
        }
    }

    [Fact]
    public async Task A_channel_admin_may_use_at_channel_in_a_large_channel()
    {
        var message = await app.ChannelAdmin.PostAsync(app.Channel, "@channel office closed friday");

        message.Mentions.Count.ShouldBe(LargeChannelFactory.Crowd);
        message.Mentions.ShouldNotContain(app.ChannelAdmin.Id);
        (await app.Owner.NotificationsAsync()).Items.ShouldContain(n => n.MessageId == message.Id && n.Type == NotificationType.Mention);
        (await app.Muted.NotificationsAsync()).Items.ShouldNotContain(n => n.MessageId == message.Id);
        (await app.Members[^5].UnreadCountAsync()).ShouldBeGreaterThan(0);
    }
}
