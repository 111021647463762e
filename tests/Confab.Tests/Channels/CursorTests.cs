namespace Confab.Tests.Channels;

public sealed class CursorTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task The_read_cursor_moves_forward_only_and_never_past_lastSeq()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");
        var channel = await ann.CreateChannelAsync("cursors");
        await bob.JoinAsync(channel);
        for (var i = 0; i < 5; i++)
            await ann.PostAsync(channel, $"m{i}");

        await bob.MarkReadAsync(channel, 3);
        (await bob.ChannelAsync(channel)).LastReadSeq.ShouldBe(3);
        await bob.MarkReadAsync(channel, 1);
        (await bob.ChannelAsync(channel)).LastReadSeq.ShouldBe(3);
        await bob.MarkReadAsync(channel, 99);
        (await bob.ChannelAsync(channel)).LastReadSeq.ShouldBe(5);
    }

    [Fact]
    public async Task UnreadCount_counts_others_messages_not_deleted_above_the_read_cursor()
    {
        var cid = await app.RegisterAsync("cid");
        var dan = await app.RegisterAsync("dan");
        var channel = await cid.CreateChannelAsync("unread");
        await dan.JoinAsync(channel);
        await cid.PostAsync(channel, "1");
        await cid.PostAsync(channel, "2");
        var doomed = await cid.PostAsync(channel, "3");
        await cid.PostAsync(channel, "4");
        (await dan.ChannelAsync(channel)).UnreadCount.ShouldBe(4);

        await (await cid.Http.DeleteAsync($"api/messages/{doomed.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await dan.MarkReadAsync(channel, 1);
        (await dan.ChannelAsync(channel)).UnreadCount.ShouldBe(2);

        await dan.PostAsync(channel, "my own reply");
        var mine = await dan.ChannelAsync(channel);
        (mine.UnreadCount, mine.LastReadSeq).ShouldBe(((int?)0, (long?)5));
        (await cid.ChannelAsync(channel)).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task Muting_and_unmuting_show_in_muted()
    {
        var eve = await app.RegisterAsync("eve");
        var channel = await eve.CreateChannelAsync("noisy");

        await (await eve.Http.PutAsJsonAsync($"api/channels/{channel.Id}/mute", new { muted = true })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await eve.ChannelAsync(channel)).Muted.ShouldBe(true);
        await (await eve.Http.PutAsJsonAsync($"api/channels/{channel.Id}/mute", new { muted = false })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        (await eve.ChannelAsync(channel)).Muted.ShouldBe(false);
    }
}
