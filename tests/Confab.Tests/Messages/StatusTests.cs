namespace Confab.Tests.Messages;

public sealed class StatusTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task A_message_is_read_once_every_other_member_read_it()
    {
        var author = await app.RegisterAsync("author");
        var quick = await app.RegisterAsync("quick");
        var slow = await app.RegisterAsync("slow");
        var channel = await author.CreateChannelAsync("receipts");
        await quick.JoinAsync(channel);
        await slow.JoinAsync(channel);
        var first = await author.PostAsync(channel, "one");
        var second = await author.PostAsync(channel, "two");

        await quick.MarkReadAsync(channel, second.Seq);
        await slow.MarkReadAsync(channel, first.Seq);

        (await author.MessageAsync(first.Id)).Status.ShouldBe(MessageStatus.Read);
        (await author.MessageAsync(second.Id)).Status.ShouldBe(MessageStatus.Sent);
        (await author.HistoryAsync(channel)).Items.Select(m => m.Status).ShouldBe([MessageStatus.Sent, MessageStatus.Read]);
    }

    [Fact]
    public async Task Alone_in_a_channel_a_message_stays_sent()
    {
        var loner = await app.RegisterAsync("loner");
        var channel = await loner.CreateChannelAsync("solo");

        var message = await loner.PostAsync(channel, "echo");
        await loner.MarkReadAsync(channel, message.Seq);

        (await loner.MessageAsync(message.Id)).Status.ShouldBe(MessageStatus.Sent);
    }

    [Fact]
    public async Task A_reply_by_another_member_moves_their_cursors_past_what_they_answered()
    {
        var ann = await app.RegisterAsync("ann");
        var bob = await app.RegisterAsync("bob");
        var channel = await ann.CreateChannelAsync("chat");
        await bob.JoinAsync(channel);
        var question = await ann.PostAsync(channel, "question");

        await bob.PostAsync(channel, "answer");

        (await ann.MessageAsync(question.Id)).Status.ShouldBe(MessageStatus.Read);
        (await bob.ChannelAsync(channel)).LastReadSeq.ShouldBe(2);
    }
}
