namespace Confab.Tests.Messages;

public sealed class MentionTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    static string At(TestUser user) => "@" + user.User.Username;

    [Fact]
    public async Task Mentions_hold_mentioned_members_only_never_the_author_and_notify_them()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");
        var outsider = await app.RegisterAsync("out");
        var channel = await ann.CreateChannelAsync("mentions");
        await bob.JoinAsync(channel);

        var message = await ann.PostAsync(channel, $"{At(bob)} {At(ann)} {At(outsider)} @nobody-here please look");

        message.Mentions.ShouldBe([bob.Id]);
        var notification = (await bob.NotificationsAsync()).Items.ShouldHaveSingleItem();
        (notification.Type, notification.MessageId, notification.ChannelId, notification.Actor!.Id)
            .ShouldBe((NotificationType.Mention, message.Id, channel.Id, ann.Id));
        (await ann.NotificationsAsync()).Items.ShouldBeEmpty();
        (await outsider.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_muted_member_is_mentioned_but_not_notified()
    {
        var cat = await app.RegisterAsync("cat");
        var dog = await app.RegisterAsync("dog");
        var channel = await cat.CreateChannelAsync("quiet");
        await dog.JoinAsync(channel);
        await (await dog.Http.PutAsJsonAsync($"api/channels/{channel.Id}/mute", new { muted = true })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var message = await cat.PostAsync(channel, $"{At(dog)} ping");

        message.Mentions.ShouldBe([dog.Id]);
        (await dog.NotificationsAsync()).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task At_channel_in_a_small_channel_mentions_every_other_member()
    {
        var owner = await app.RegisterAsync("own");
        var members = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => app.RegisterAsync($"m{i}-")));
        var channel = await owner.CreateChannelAsync("small");
        foreach (var member in members)
            await member.JoinAsync(channel);

        var message = await members[0].PostAsync(channel, "@channel lunch?");

        message.Mentions.Order().ShouldBe(new[] { owner.Id, members[1].Id, members[2].Id }.Order());
    }

    [Fact]
    public async Task At_channel_above_50_members_works_only_for_owners_and_admins()
    {
        var owner = await app.RegisterAsync("big");
        var members = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => app.RegisterAsync($"crowd{i}-")));
        var channel = await owner.CreateChannelAsync("large");
        await Task.WhenAll(members.Select(member => member.JoinAsync(channel)));
        (await owner.ChannelAsync(channel)).MemberCount.ShouldBe(51);

        var byMember = await members[0].PostAsync(channel, $"@channel and {At(members[1])}");
        var byOwner = await owner.PostAsync(channel, "@channel all hands");

        byMember.Mentions.ShouldBe([members[1].Id]);
        byOwner.Mentions.Count.ShouldBe(50);
        byOwner.Mentions.ShouldNotContain(owner.Id);
    }

    [Fact]
    public async Task At_channel_with_exactly_50_members_works_for_anyone()
    {
        var owner = await app.RegisterAsync("fifty");
        var members = await Task.WhenAll(Enumerable.Range(0, 49).Select(i => app.RegisterAsync($"group{i}-")));
        var channel = await owner.CreateChannelAsync("fifty");
        await Task.WhenAll(members.Select(member => member.JoinAsync(channel)));

        var message = await members[0].PostAsync(channel, "@channel hello all");

        message.Mentions.Count.ShouldBe(49);
        message.Mentions.ShouldNotContain(members[0].Id);
    }

    [Fact]
    public async Task Editing_in_a_new_mention_notifies_only_the_newly_mentioned()
    {
        var eve = await app.RegisterAsync("eve");
        var fay = await app.RegisterAsync("fay");
        var gus = await app.RegisterAsync("gus");
        var channel = await eve.CreateChannelAsync("edits");
        await fay.JoinAsync(channel);
        await gus.JoinAsync(channel);
        var message = await eve.PostAsync(channel, $"{At(fay)} hi");

        var edited = await (await eve.Http.PatchAsJsonAsync($"api/messages/{message.Id}", new { content = $"{At(fay)} {At(gus)} hi" }))
            .ReadAsync<MessageResponse>(HttpStatusCode.OK);

        edited.Mentions.Order().ShouldBe(new[] { fay.Id, gus.Id }.Order());
        (await fay.NotificationsAsync()).Items.Count.ShouldBe(1);
        (await gus.NotificationsAsync()).Items.ShouldHaveSingleItem().Type.ShouldBe(NotificationType.Mention);
    }
}
