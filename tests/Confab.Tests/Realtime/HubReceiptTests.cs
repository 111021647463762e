using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

public sealed class HubReceiptTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Status_goes_sent_then_delivered_then_read_as_the_others_cursors_move_and_receipts_tell_the_channel()
    {
        var author = await app.RegisterAsync("author");
        var bea = await app.RegisterAsync("bea");
        var cid = await app.RegisterAsync("cid");
        var room = await author.CreateChannelAsync("receipts");
        await bea.JoinAsync(room);
        await cid.JoinAsync(room);
        var (authorHub, authorEvents) = await app.ConnectRecordingAsync(author);
        await using var beaHub = (await app.ConnectRecordingAsync(bea)).Connection;
        await using var cidHub = (await app.ConnectRecordingAsync(cid)).Connection;
        await using var _ = authorHub;
        var message = await authorHub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "did you get this?", "s-1", null);
        async Task<MessageStatus> StatusAsync() => (await author.GetAsync<MessageResponse>($"api/messages/{message.Id}")).Status;

        message.Status.ShouldBe(MessageStatus.Sent);
        await beaHub.InvokeAsync("MarkDelivered", room.Id.ToString(), message.Seq);
        (await StatusAsync()).ShouldBe(MessageStatus.Sent);
        await cidHub.InvokeAsync("MarkDelivered", room.Id.ToString(), message.Seq);
        (await StatusAsync()).ShouldBe(MessageStatus.Delivered);
        await beaHub.InvokeAsync("MarkRead", room.Id.ToString(), message.Seq);
        (await StatusAsync()).ShouldBe(MessageStatus.Delivered);
        await cidHub.InvokeAsync("MarkRead", room.Id.ToString(), message.Seq + 10);
        (await StatusAsync()).ShouldBe(MessageStatus.Read);

        var receipts = await authorEvents.WaitForCountAsync<ReadReceipt>(EventNames.ReadReceipt, 4);
        receipts.ShouldBe(
        [
            new ReadReceipt(room.Id, bea.Id, 0, 1),
            new ReadReceipt(room.Id, cid.Id, 0, 1),
            new ReadReceipt(room.Id, bea.Id, 1, 1),
            new ReadReceipt(room.Id, cid.Id, 1, 1),
        ]);
    }

    [Fact]
    public async Task Moving_a_cursor_backwards_or_to_the_same_place_sends_no_receipt()
    {
        var owner = await app.RegisterAsync("keeper");
        var member = await app.RegisterAsync("marker");
        var room = await owner.CreateChannelAsync("cursors");
        await member.JoinAsync(room);
        await owner.PostAsync(room, "one");
        await owner.PostAsync(room, "two");
        var (ownerHub, ownerEvents) = await app.ConnectRecordingAsync(owner);
        await using var memberHub = (await app.ConnectRecordingAsync(member)).Connection;
        await using var _ = ownerHub;

        await memberHub.InvokeAsync("MarkRead", room.Id.ToString(), 2L);
        await memberHub.InvokeAsync("MarkRead", room.Id.ToString(), 1L);
        await memberHub.InvokeAsync("MarkRead", room.Id.ToString(), 2L);
        var barrier = await owner.PostAsync(room, "three");

        await ownerEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        ownerEvents.All<ReadReceipt>(EventNames.ReadReceipt).ShouldBe([new ReadReceipt(room.Id, member.Id, 2, 2)]);
        (await memberHub.ShouldFailAsync("MarkRead", room.Id.ToString(), -1L)).ShouldStartWith("validation_failed: ");
    }
}
