namespace Confab.Tests.Notifications;

public sealed class MessageNotificationTests(NotificationsFactory app) : IClassFixture<NotificationsFactory>
{
    [Fact]
    public async Task A_mention_of_a_member_is_stored_and_pushed_to_every_connection_of_theirs()
    {
        var alice = await app.RegisterAsync("alice", "Alice A.");
        var bob = await app.RegisterAsync("bob");
        var channel = await alice.CreateChannelAsync("general");
        await bob.JoinAsync(channel);
        await using var phone = await NotificationInbox.OpenAsync(bob);
        await using var laptop = await NotificationInbox.OpenAsync(bob);

        var message = await alice.PostAsync(channel, $"hi @{bob.User.Username}, the build is green");

        message.Mentions.ShouldBe([bob.Id]);
        var pushed = await phone.WaitForAsync(n => n.MessageId == message.Id);
        (await laptop.WaitForAsync(n => n.MessageId == message.Id)).ShouldBe(pushed);
        pushed.Type.ShouldBe(NotificationType.Mention);
        pushed.ChannelId.ShouldBe(channel.Id);
        pushed.Actor.ShouldBe(new UserSummary(alice.Id, alice.User.Username, "Alice A."));
        pushed.Text.ShouldContain("the build is green");
        pushed.ReadAt.ShouldBeNull();
        (await bob.NotificationsAsync()).Items.ShouldBe([pushed]);
        (await bob.UnreadCountAsync()).ShouldBe(1);
        (await alice.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Mentioning_oneself_or_a_non_member_notifies_nobody()
    {
        var alice = await app.RegisterAsync("alice");
        var carol = await app.RegisterAsync("carol");
        var channel = await alice.CreateChannelAsync("quiet");
        await using var carolInbox = await NotificationInbox.OpenAsync(carol);
        await using var aliceInbox = await NotificationInbox.OpenAsync(alice);

        var message = await alice.PostAsync(channel, $"note to self @{alice.User.Username}, ask @{carol.User.Username}");

        message.Mentions.ShouldBeEmpty();
        (await carolInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(carol))).ShouldBeEmpty();
        (await aliceInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(alice))).ShouldBeEmpty();
        (await carol.NotificationsAsync()).Items.Count.ShouldBe(1);
        (await alice.NotificationsAsync()).Items.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_direct_message_notifies_the_other_user_only()
    {
        var alice = await app.RegisterAsync("alice");
        var bob = await app.RegisterAsync("bob");
        var (direct, _) = await alice.OpenDirectAsync(bob);
        await using var bobInbox = await NotificationInbox.OpenAsync(bob);
        await using var aliceInbox = await NotificationInbox.OpenAsync(alice);

        var message = await alice.PostAsync(direct, "lunch?");

        var pushed = await bobInbox.WaitForAsync(n => n.MessageId == message.Id);
        pushed.Type.ShouldBe(NotificationType.DirectMessage);
        pushed.ChannelId.ShouldBe(direct.Id);
        pushed.Actor!.Id.ShouldBe(alice.Id);
        pushed.Text.ShouldContain("lunch?");
        (await aliceInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(alice))).ShouldBeEmpty();
        (await bob.NotificationsAsync()).Items.ShouldBe([pushed]);
    }

    [Fact]
    public async Task A_reply_notifies_the_parents_author_once_with_the_strongest_reason()
    {
        var alice = await app.RegisterAsync("alice");
        var bob = await app.RegisterAsync("bob");
        var carol = await app.RegisterAsync("carol");
        var channel = await alice.CreateChannelAsync("threads");
        await bob.JoinAsync(channel);
        await carol.JoinAsync(channel);
        var root = await bob.PostAsync(channel, "who reviews my PR?");
        await using var bobInbox = await NotificationInbox.OpenAsync(bob);

        var plainReply = await carol.PostAsync(channel, "I can", parentId: root.Id);
        var mentioningReply = await alice.PostAsync(channel, $"@{bob.User.Username} me too", parentId: root.Id);
        await bob.PostAsync(channel, "thanks both", parentId: root.Id);

        var before = await bobInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(bob));
        before.Select(n => (n.Type, n.MessageId, n.Actor!.Id)).ShouldBe(
        [
            (NotificationType.Reply, plainReply.Id, carol.Id),
            (NotificationType.Mention, mentioningReply.Id, alice.Id),
        ]);
        (await bob.NotificationsAsync("?unreadOnly=true")).Items.Select(n => n.MessageId)
            .ShouldBe([null, mentioningReply.Id, plainReply.Id]);
        (await carol.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_muted_channel_gives_no_mention_reply_or_direct_message_notifications_but_system_ones_arrive()
    {
        var alice = await app.RegisterAsync("alice");
        var bob = await app.RegisterAsync("bob");
        var channel = await alice.CreateChannelAsync("noisy");
        await bob.JoinAsync(channel);
        var root = await bob.PostAsync(channel, "status?");
        var (direct, _) = await alice.OpenDirectAsync(bob);
        await bob.MuteAsync(channel);
        await bob.MuteAsync(direct);
        await using var bobInbox = await NotificationInbox.OpenAsync(bob);

        var mention = await alice.PostAsync(channel, $"@{bob.User.Username} look", parentId: root.Id);
        await alice.PostAsync(channel, "@channel everyone look");
        await alice.PostAsync(direct, $"@{bob.User.Username} psst");

        mention.Mentions.ShouldBe([bob.Id]);
        var marker = await app.Admin.SendMarkerAsync(bob);
        (await bobInbox.ReceivedBeforeAsync(marker)).ShouldBeEmpty();
        (await bob.NotificationsAsync()).Items.Select(n => n.Type).ShouldBe([NotificationType.System]);

        await bob.MuteAsync(channel, muted: false);
        var unmuted = await alice.PostAsync(channel, $"@{bob.User.Username} again");
        (await bobInbox.WaitForAsync(n => n.MessageId == unmuted.Id)).Type.ShouldBe(NotificationType.Mention);
    }

    [Fact]
    public async Task At_channel_from_a_plain_member_of_a_small_channel_notifies_every_other_member()
    {
        var owner = await app.RegisterAsync("owner");
        var member = await app.RegisterAsync("member");
        var other = await app.RegisterAsync("other");
        var muted = await app.RegisterAsync("muted");
        var channel = await owner.CreateChannelAsync("small");
        foreach (var user in new[] { member, other, muted })
            await user.JoinAsync(channel);
        await muted.MuteAsync(channel);
        await using var otherInbox = await NotificationInbox.OpenAsync(other);

        var message = await member.PostAsync(channel, "@channel standup in 5");

        message.Mentions.Order().ShouldBe(new[] { owner.Id, other.Id, muted.Id }.Order());
        (await otherInbox.WaitForAsync(n => n.MessageId == message.Id)).Type.ShouldBe(NotificationType.Mention);
        (await owner.NotificationsAsync()).Items.Single().MessageId.ShouldBe(message.Id);
        (await member.NotificationsAsync()).Items.ShouldBeEmpty();
        (await muted.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edit_that_adds_a_mention_notifies_the_newly_mentioned_user_once()
    {
        var alice = await app.RegisterAsync("alice");
        var bob = await app.RegisterAsync("bob");
        var carol = await app.RegisterAsync("carol");
        var channel = await alice.CreateChannelAsync("edits");
        await bob.JoinAsync(channel);
        await carol.JoinAsync(channel);
        var message = await alice.PostAsync(channel, $"ping @{carol.User.Username}");
        await using var bobInbox = await NotificationInbox.OpenAsync(bob);
        await using var carolInbox = await NotificationInbox.OpenAsync(carol);

        var edited = await alice.EditAsync(message, $"ping @{carol.User.Username} and @{bob.User.Username}");
        var pushed = await bobInbox.WaitForAsync(n => n.MessageId == message.Id);
        await alice.EditAsync(message, $"ping @{carol.User.Username} and @{bob.User.Username}!");
        await alice.EditAsync(message, $"ping @{carol.User.Username}");
        await alice.EditAsync(message, $"ping @{carol.User.Username} and @{bob.User.Username} again");

        edited.Mentions.Order().ShouldBe(new[] { bob.Id, carol.Id }.Order());
        pushed.Type.ShouldBe(NotificationType.Mention);
        (await bobInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(bob))).ShouldBe([pushed]);
        (await carolInbox.ReceivedBeforeAsync(await app.Admin.SendMarkerAsync(carol))).ShouldBeEmpty();
        (await bob.NotificationsAsync()).Items.Count(n => n.MessageId == message.Id).ShouldBe(1);
        (await carol.NotificationsAsync()).Items.Count(n => n.MessageId == message.Id).ShouldBe(1);
    }
}
