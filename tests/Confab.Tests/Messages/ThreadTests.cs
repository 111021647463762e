namespace Confab.Tests.Messages;

public sealed class ThreadTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Replies_are_channel_messages_with_their_own_seq_listed_oldest_first()
    {
        var ann = await app.RegisterAsync("ann");
        var channel = await ann.CreateChannelAsync("threads");
        var root = await ann.PostAsync(channel, "root");
        await ann.PostAsync(channel, "unrelated");
        var r1 = await ann.PostAsync(channel, "first reply", parentId: root.Id);
        var r2 = await ann.PostAsync(channel, "second reply", parentId: root.Id);
        var r3 = await ann.PostAsync(channel, "third reply", parentId: root.Id);

        var replies = await ann.GetAsync<MessagePage>($"api/messages/{root.Id}/replies");
        var afterFirst = await ann.GetAsync<MessagePage>($"api/messages/{root.Id}/replies?after={r1.Seq}&limit=1");

        r1.ParentId.ShouldBe(root.Id);
        replies.Items.Select(m => m.Seq).ShouldBe([3, 4, 5]);
        replies.Items.Select(m => m.Id).ShouldBe([r1.Id, r2.Id, r3.Id]);
        replies.NextCursor.ShouldBeNull();
        afterFirst.Items.Select(m => m.Seq).ShouldBe([4]);
        afterFirst.NextCursor.ShouldBe("4");
        (await ann.MessageAsync(root.Id)).ReplyCount.ShouldBe(3);
        (await ann.HistoryAsync(channel)).Items.Select(m => m.Seq).ShouldBe([5, 4, 3, 2, 1]);
    }

    [Fact]
    public async Task Deleting_a_reply_counts_it_out_of_its_thread_once()
    {
        var cat = await app.RegisterAsync("cat");
        var channel = await cat.CreateChannelAsync("counted");
        var root = await cat.PostAsync(channel, "root");
        var kept = await cat.PostAsync(channel, "kept", parentId: root.Id);
        var gone = await cat.PostAsync(channel, "gone", parentId: root.Id);

        var deletes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cat.Http.DeleteAsync($"api/messages/{gone.Id}")));

        deletes.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.NoContent);
        (await cat.MessageAsync(root.Id)).ReplyCount.ShouldBe(1);
        (await cat.GetAsync<MessagePage>($"api/messages/{root.Id}/replies")).Items.Select(m => (m.Id, m.DeletedAt is null))
            .ShouldBe([(kept.Id, true), (gone.Id, false)]);
    }

    [Fact]
    public async Task A_reply_must_go_to_a_thread_root_of_the_same_channel()
    {
        var bob = await app.RegisterAsync("bob");
        var here = await bob.CreateChannelAsync("here");
        var there = await bob.CreateChannelAsync("there");
        var elsewhere = await bob.PostAsync(there, "elsewhere");
        var root = await bob.PostAsync(here, "root");
        var reply = await bob.PostAsync(here, "reply", parentId: root.Id);

        var crossChannel = await bob.Http.PostAsJsonAsync($"api/channels/{here.Id}/messages", new { content = "x", parentId = elsewhere.Id });
        var nested = await bob.Http.PostAsJsonAsync($"api/channels/{here.Id}/messages", new { content = "x", parentId = reply.Id });

        (await crossChannel.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).Errors!.Keys.ShouldBe(["parentId"]);
        (await nested.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).Errors!.Keys.ShouldBe(["parentId"]);
    }

    [Fact]
    public async Task A_reply_notifies_the_parents_author()
    {
        var cat = await app.RegisterAsync("cat");
        var dog = await app.RegisterAsync("dog");
        var channel = await cat.CreateChannelAsync("replies");
        await dog.JoinAsync(channel);
        var root = await cat.PostAsync(channel, "question?");

        var reply = await dog.PostAsync(channel, "answer", parentId: root.Id);

        var notification = (await cat.NotificationsAsync()).Items.ShouldHaveSingleItem();
        notification.Type.ShouldBe(NotificationType.Reply);
        notification.MessageId.ShouldBe(reply.Id);
        notification.ChannelId.ShouldBe(channel.Id);
        notification.Actor!.Id.ShouldBe(dog.Id);
        (await dog.NotificationsAsync()).Items.ShouldBeEmpty();
    }
}
