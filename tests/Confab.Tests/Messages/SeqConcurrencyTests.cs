namespace Confab.Tests.Messages;

public sealed class SeqConcurrencyTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Two_hundred_posts_from_ten_parallel_clients_get_seqs_1_to_200_exactly()
    {
        var owner = await app.RegisterAsync("host");
        var channel = await owner.CreateChannelAsync("busy");
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => app.RegisterAsync($"poster{i}-")));
        foreach (var client in clients)
            await client.JoinAsync(channel);

        var posted = await Task.WhenAll(clients.Select(async (client, c) =>
        {
            var seqs = new List<long>();
            for (var i = 0; i < 20; i++)
                seqs.Add((await client.PostAsync(channel, $"client {c} message {i}")).Seq);
            return seqs;
        }));

        posted.SelectMany(s => s).Order().ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
        foreach (var seqs in posted)
            seqs.ShouldBeInOrder(SortDirection.Ascending);
        var history = await owner.HistoryAsync(channel, "?after=0&limit=200");
        history.Items.Select(m => m.Seq).ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
        (await owner.ChannelAsync(channel)).LastSeq.ShouldBe(200);
    }

    [Fact]
    public async Task Parallel_replies_all_count_on_the_parent()
    {
        var owner = await app.RegisterAsync("threader");
        var channel = await owner.CreateChannelAsync("thread");
        var root = await owner.PostAsync(channel, "start of a thread");
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => app.RegisterAsync($"replier{i}-")));
        foreach (var client in clients)
            await client.JoinAsync(channel);

        await Task.WhenAll(clients.Select(async client =>
        {
            for (var i = 0; i < 8; i++)
                await client.PostAsync(channel, $"reply {i}", parentId: root.Id);
        }));

        (await owner.MessageAsync(root.Id)).ReplyCount.ShouldBe(40);
        (await owner.GetAsync<MessagePage>($"api/messages/{root.Id}/replies?limit=200")).Items.Count.ShouldBe(40);
    }
}
