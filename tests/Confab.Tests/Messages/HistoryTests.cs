namespace Confab.Tests.Messages;

public sealed class HistoryTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    async Task<(TestUser Author, ChannelResponse Channel)> ChannelWithMessagesAsync(int count)
    {
        var author = await app.RegisterAsync("historian");
        var channel = await author.CreateChannelAsync("history");
        for (var i = 1; i <= count; i++)
            await author.PostAsync(channel, $"message {i}");
        return (author, channel);
    }

    [Fact]
    public async Task Without_a_cursor_history_is_the_newest_page_newest_first()
    {
        var (author, channel) = await ChannelWithMessagesAsync(7);

        var page = await author.HistoryAsync(channel, "?limit=3");

        page.Items.Select(m => m.Seq).ShouldBe([7, 6, 5]);
        page.Items[0].Content.ShouldBe("message 7");
        page.NextCursor.ShouldBe("5");
    }

    [Fact]
    public async Task Before_pages_backwards_until_nextCursor_is_null()
    {
        var (author, channel) = await ChannelWithMessagesAsync(7);

        var second = await author.HistoryAsync(channel, "?before=5&limit=3");
        var third = await author.HistoryAsync(channel, $"?before={second.NextCursor}&limit=3");

        second.Items.Select(m => m.Seq).ShouldBe([4, 3, 2]);
        third.Items.Select(m => m.Seq).ShouldBe([1]);
        third.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task After_pages_forwards_oldest_first()
    {
        var (author, channel) = await ChannelWithMessagesAsync(5);

        var first = await author.HistoryAsync(channel, "?after=1&limit=2");
        var second = await author.HistoryAsync(channel, $"?after={first.NextCursor}&limit=2");

        first.Items.Select(m => m.Seq).ShouldBe([2, 3]);
        second.Items.Select(m => m.Seq).ShouldBe([4, 5]);
        second.NextCursor.ShouldBeNull();
        (await author.HistoryAsync(channel, "?after=5")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_limit_above_200_is_taken_as_200_and_the_default_is_50()
    {
        var (author, channel) = await ChannelWithMessagesAsync(0);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 55; i++)
                await author.PostAsync(channel, "bulk");
        }));

        (await author.HistoryAsync(channel)).Items.Count.ShouldBe(50);
        var capped = await author.HistoryAsync(channel, "?limit=5000");
        capped.Items.Count.ShouldBe(200);
        capped.Items[^1].Seq.ShouldBe(21);
        capped.NextCursor.ShouldBe("21");
    }

    [Fact]
    public async Task An_empty_channel_has_an_empty_history()
    {
        var (author, channel) = await ChannelWithMessagesAsync(0);

        var page = await author.HistoryAsync(channel);

        page.Items.ShouldBeEmpty();
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Unknown_channels_and_messages_are_404()
    {
        var user = await app.RegisterAsync("seeker");

        await (await user.Http.GetAsync($"api/channels/{Guid.NewGuid()}/messages")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await user.Http.GetAsync($"api/messages/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await user.Http.GetAsync($"api/messages/{Guid.NewGuid()}/replies")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
