using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

public sealed class HubDeliveryTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task A_message_sent_over_the_hub_reaches_members_and_no_one_else()
    {
        var alice = await app.RegisterAsync("alice");
        var bob = await app.RegisterAsync("bob");
        var eve = await app.RegisterAsync("eve");
        var room = await alice.CreateChannelAsync("room", ChannelType.Private);
        await alice.AddMemberAsync(room, bob);
        var elsewhere = await eve.CreateChannelAsync("elsewhere");
        await using var aliceHub = (await app.ConnectRecordingAsync(alice)).Connection;
        var (bobHub, bobEvents) = await app.ConnectRecordingAsync(bob);
        var (eveHub, eveEvents) = await app.ConnectRecordingAsync(eve);
        await using var _ = bobHub;
        await using var __ = eveHub;

        var sent = await aliceHub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "  hello bob  ", "c-1", null);

        sent.Seq.ShouldBe(1);
        sent.Content.ShouldBe("hello bob");
        sent.ClientMessageId.ShouldBe("c-1");
        sent.Author.Id.ShouldBe(alice.Id);
        var received = await bobEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated);
        received.ShouldBeEquivalentTo(sent);
        var barrier = await eve.PostAsync(elsewhere, "barrier");
        await eveEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        eveEvents.All<MessageResponse>(EventNames.MessageCreated).Select(m => m.Id).ShouldBe([barrier.Id]);
    }

    [Fact]
    public async Task A_message_posted_over_REST_arrives_as_the_same_messageCreated()
    {
        var carol = await app.RegisterAsync("carol");
        var dave = await app.RegisterAsync("dave");
        var room = await carol.CreateChannelAsync("rest");
        await dave.JoinAsync(room);
        var (daveHub, daveEvents) = await app.ConnectRecordingAsync(dave);
        await using var _ = daveHub;

        var posted = await carol.PostAsync(room, "over rest", "r-1");

        var received = await daveEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated);
        received.ShouldBeEquivalentTo(posted);
        var stored = await dave.GetAsync<MessageResponse>($"api/messages/{posted.Id}");
        received.ShouldBeEquivalentTo(stored);
    }

    [Fact]
    public async Task Joining_over_REST_subscribes_every_open_connection_of_the_user_at_once()
    {
        var owner = await app.RegisterAsync("owner");
        var joiner = await app.RegisterAsync("joiner");
        var room = await owner.CreateChannelAsync("open");
        var (phone, phoneEvents) = await app.ConnectRecordingAsync(joiner);
        var (laptop, laptopEvents) = await app.ConnectRecordingAsync(joiner);
        await using var _ = phone;
        await using var __ = laptop;

        await joiner.JoinAsync(room);
        (await phoneEvents.WaitForAsync<ChannelResponse>(EventNames.ChannelAdded)).Id.ShouldBe(room.Id);
        (await laptopEvents.WaitForAsync<ChannelResponse>(EventNames.ChannelAdded)).Id.ShouldBe(room.Id);
        var posted = await owner.PostAsync(room, "welcome");

        (await phoneEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated)).Id.ShouldBe(posted.Id);
        (await laptopEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated)).Id.ShouldBe(posted.Id);
    }

    [Fact]
    public async Task A_removed_member_receives_nothing_more_from_the_channel_and_cannot_send_to_it()
    {
        var owner = await app.RegisterAsync("boss");
        var member = await app.RegisterAsync("leaver");
        var secret = await owner.CreateChannelAsync("secret", ChannelType.Private);
        var lobby = await owner.CreateChannelAsync("lobby");
        await owner.AddMemberAsync(secret, member);
        await member.JoinAsync(lobby);
        var (hub, events) = await app.ConnectRecordingAsync(member);
        await using var _ = hub;
        var before = await owner.PostAsync(secret, "before");
        await events.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == before.Id);

        (await owner.Http.DeleteAsync($"api/channels/{secret.Id}/members/{member.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await events.WaitForAsync<ChannelRemovedEvent>(EventNames.ChannelRemoved)).ChannelId.ShouldBe(secret.Id);
        var after = await owner.PostAsync(secret, "after");
        await owner.Http.PatchAsJsonAsync($"api/messages/{before.Id}", new { content = "edited after" });
        var barrier = await owner.PostAsync(lobby, "barrier");

        await events.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        events.Events.Where(e => e.Payload is MessageResponse m && m.ChannelId == secret.Id)
            .Select(e => ((MessageResponse)e.Payload!).Id).ShouldBe([before.Id]);
        events.All<MessageResponse>(EventNames.MessageCreated).ShouldNotContain(m => m.Id == after.Id);
        var error = await hub.ShouldFailAsync("SendMessage", secret.Id.ToString(), "let me in", "x-1", null);
        error.ShouldStartWith("not_found: ");
    }

    [Fact]
    public async Task Concurrent_senders_produce_events_in_seq_order_on_every_connection()
    {
        var senders = new List<TestUser>();
        for (var i = 0; i < 4; i++)
            senders.Add(await app.RegisterAsync($"sender{i}"));
        var watcher = await app.RegisterAsync("watcher");
        var room = await senders[0].CreateChannelAsync("busy");
        foreach (var user in senders.Skip(1).Append(watcher))
            await user.JoinAsync(room);
        var (watcherHub, watcherEvents) = await app.ConnectRecordingAsync(watcher);
        await using var _ = watcherHub;
        var connections = new List<HubConnection>();
        foreach (var sender in senders)
            connections.Add((await app.ConnectRecordingAsync(sender)).Connection);
        const int perSender = 30;

        // Each sender keeps one hub call and several REST posts in flight at once, so commits of different posters
        // interleave with each other's publishing.
        await Task.WhenAll(connections.Select((connection, s) => Task.Run(async () =>
        {
            var overHub = Task.Run(async () =>
            {
                for (var i = 0; i < perSender; i += 3)
                    await connection.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), $"{s}-{i}", $"{s}-{i}", null);
            });
            var overRest = Enumerable.Range(0, perSender).Where(i => i % 3 != 0)
                .Select(i => senders[s].PostAsync(room, $"{s}-{i}", $"{s}-{i}"));
            await Task.WhenAll(overRest.Append(overHub));
        })));

        var total = senders.Count * perSender;
        var received = await watcherEvents.WaitForCountAsync<MessageResponse>(EventNames.MessageCreated, total);
        received.Select(m => m.Seq).ShouldBe(Enumerable.Range(1, total).Select(i => (long)i));
        foreach (var connection in connections)
            await connection.DisposeAsync();
    }

    [Fact]
    public async Task Reaction_events_tell_each_recipient_whether_they_reacted()
    {
        var ann = await app.RegisterAsync("ann");
        var ben = await app.RegisterAsync("ben");
        var cat = await app.RegisterAsync("cat");
        var room = await ann.CreateChannelAsync("emoji");
        await ben.JoinAsync(room);
        await cat.JoinAsync(room);
        var message = await ann.PostAsync(room, "react to me");
        var (annHub, annEvents) = await app.ConnectRecordingAsync(ann);
        var (benHub, benEvents) = await app.ConnectRecordingAsync(ben);
        var (catHub, catEvents) = await app.ConnectRecordingAsync(cat);
        await using var _ = annHub;
        await using var __ = benHub;
        await using var ___ = catHub;

        await benHub.InvokeAsync("React", message.Id.ToString(), "👍");
        await annHub.InvokeAsync("React", message.Id.ToString(), "👍");

        static bool Counted(MessageResponse m) => m.Reactions is [{ Count: 2 }];
        (await annEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated, Counted)).Reactions.ShouldBe([new ReactionSummary("👍", 2, true)]);
        (await benEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated, Counted)).Reactions.ShouldBe([new ReactionSummary("👍", 2, true)]);
        (await catEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated, Counted)).Reactions.ShouldBe([new ReactionSummary("👍", 2, false)]);
        var first = await catEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated);
        first.Reactions.ShouldBe([new ReactionSummary("👍", 1, false)]);
        (await benEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated)).Reactions.ShouldBe([new ReactionSummary("👍", 1, true)]);
        (await annEvents.WaitForAsync<MessageResponse>(EventNames.MessageUpdated)).Reactions.ShouldBe([new ReactionSummary("👍", 1, false)]);
    }

    [Fact]
    public async Task Edits_deletions_and_replies_arrive_as_messageUpdated()
    {
        var author = await app.RegisterAsync("writer");
        var reader = await app.RegisterAsync("reader");
        var room = await author.CreateChannelAsync("edits");
        await reader.JoinAsync(room);
        var (authorHub, _) = await app.ConnectRecordingAsync(author);
        var (readerHub, events) = await app.ConnectRecordingAsync(reader);
        await using var __ = authorHub;
        await using var ___ = readerHub;
        var message = await authorHub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "first", "e-1", null);

        var edited = await authorHub.InvokeAsync<MessageResponse>("EditMessage", message.Id.ToString(), "second");
        var reply = await readerHub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "a reply", "e-2", message.Id.ToString());
        await authorHub.InvokeAsync("DeleteMessage", message.Id.ToString());

        edited.Content.ShouldBe("second");
        edited.EditedAt.ShouldNotBeNull();
        reply.ParentId.ShouldBe(message.Id);
        var updates = await events.WaitForCountAsync<MessageResponse>(EventNames.MessageUpdated, 3);
        updates.Select(m => (m.Id, m.Content, m.ReplyCount, m.DeletedAt is not null))
            .ShouldBe([(message.Id, "second", 0, false), (message.Id, "second", 1, false), (message.Id, "", 1, true)]);
        events.All<MessageResponse>(EventNames.MessageCreated).Select(m => m.Seq).ShouldBe([1L, 2L]);
    }
}
