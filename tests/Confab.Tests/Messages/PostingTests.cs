namespace Confab.Tests.Messages;

public sealed class PostingTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Posting_returns_201_with_the_stored_message()
    {
        var ann = await app.RegisterAsync("ann", "Ann A.");
        var channel = await ann.CreateChannelAsync("general");

        var response = await ann.Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages", new { content = "  hello world \n" });

        var message = await response.ReadAsync<MessageResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/messages/{message.Id}");
        message.ChannelId.ShouldBe(channel.Id);
        message.Seq.ShouldBe(1);
        message.Author.ShouldBe(new UserSummary(ann.Id, ann.User.Username, "Ann A."));
        message.Content.ShouldBe("hello world");
        message.ClientMessageId.ShouldBeNull();
        message.ParentId.ShouldBeNull();
        message.ReplyCount.ShouldBe(0);
        message.Reactions.ShouldBeEmpty();
        message.Mentions.ShouldBeEmpty();
        message.EditedAt.ShouldBeNull();
        message.DeletedAt.ShouldBeNull();
        message.CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
        message.Status.ShouldBe(MessageStatus.Sent);
        (await ann.MessageAsync(message.Id)).ShouldBeEquivalentTo(message);
    }

    [Fact]
    public async Task Timestamps_are_written_in_UTC_with_a_Z()
    {
        var ann = await app.RegisterAsync("zed");
        var channel = await ann.CreateChannelAsync("clock");
        var message = await ann.PostAsync(channel, "tick");

        var json = await ann.Http.GetStringAsync($"api/messages/{message.Id}");

        using var document = System.Text.Json.JsonDocument.Parse(json);
        document.RootElement.GetProperty("createdAt").GetString()!.ShouldEndWith("Z");
        document.RootElement.GetProperty("status").GetString().ShouldBe("sent");
    }

    [Fact]
    public async Task Posting_the_same_clientMessageId_twice_returns_the_first_message()
    {
        var bob = await app.RegisterAsync("bob");
        var channel = await bob.CreateChannelAsync("retries");
        var first = await bob.PostAsync(channel, "once", clientMessageId: "c-1");

        var again = await bob.Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages", new { content = "once", clientMessageId = "c-1" });

        (await again.ReadAsync<MessageResponse>(HttpStatusCode.OK)).ShouldBeEquivalentTo(first);
        (await bob.HistoryAsync(channel)).Items.Select(m => m.Seq).ShouldBe([1]);
    }

    [Fact]
    public async Task The_same_clientMessageId_with_other_content_or_parent_is_an_idempotency_conflict()
    {
        var cid = await app.RegisterAsync("cid");
        var channel = await cid.CreateChannelAsync("conflicts");
        var root = await cid.PostAsync(channel, "root");
        await cid.PostAsync(channel, "original", clientMessageId: "c-2");

        var otherContent = await cid.Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages", new { content = "changed", clientMessageId = "c-2" });
        var otherParent = await cid.Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages",
            new { content = "original", clientMessageId = "c-2", parentId = root.Id });

        await otherContent.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
        await otherParent.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
        (await cid.HistoryAsync(channel)).Items.Select(m => m.Seq).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task A_clientMessageId_belongs_to_its_author_and_channel()
    {
        var dan = await app.RegisterAsync("dan");
        var eve = await app.RegisterAsync("eve");
        var first = await dan.CreateChannelAsync("one");
        var second = await dan.CreateChannelAsync("two");
        await eve.JoinAsync(first);

        var a = await dan.PostAsync(first, "same id", clientMessageId: "shared");
        var b = await eve.PostAsync(first, "same id", clientMessageId: "shared");
        var c = await dan.PostAsync(second, "same id", clientMessageId: "shared");

        new[] { a.Id, b.Id, c.Id }.Distinct().Count().ShouldBe(3);
        (a.Seq, b.Seq, c.Seq).ShouldBe((1L, 2L, 1L));
    }

    [Fact]
    public async Task Parallel_retries_of_one_clientMessageId_store_one_message()
    {
        var fay = await app.RegisterAsync("fay");
        var channel = await fay.CreateChannelAsync("flaky");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            fay.Http.PostAsJsonAsync($"api/channels/{channel.Id}/messages", new { content = "only once", clientMessageId = "retry" })));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, .. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.Created]);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<MessageResponse>(Json.Options))!.Id));
        ids.Distinct().Count().ShouldBe(1);
        (await fay.HistoryAsync(channel)).Items.Select(m => m.Seq).ShouldBe([1]);
    }
}
