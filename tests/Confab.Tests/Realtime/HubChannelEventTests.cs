using Confab.Realtime;

namespace Confab.Tests.Realtime;

public sealed class HubChannelEventTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task A_mention_notifies_only_the_mentioned_member()
    {
        var alice = await app.RegisterAsync("mentioner");
        var bob = await app.RegisterAsync("mentioned");
        var carol = await app.RegisterAsync("bystander");
        var room = await alice.CreateChannelAsync("mentions");
        await bob.JoinAsync(room);
        await carol.JoinAsync(room);
        var (bobHub, bobEvents) = await app.ConnectRecordingAsync(bob);
        var (carolHub, carolEvents) = await app.ConnectRecordingAsync(carol);
        await using var _ = bobHub;
        await using var __ = carolHub;

        var message = await alice.PostAsync(room, $"@{bob.User.Username} look");

        var notification = await bobEvents.WaitForAsync<NotificationResponse>(EventNames.NotificationCreated);
        (notification.Type, notification.ChannelId, notification.MessageId, notification.Actor!.Id)
            .ShouldBe((NotificationType.Mention, (Guid?)room.Id, (Guid?)message.Id, alice.Id));
        await carolEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == message.Id);
        var barrier = await alice.PostAsync(room, "barrier");
        await carolEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        carolEvents.All<NotificationResponse>(EventNames.NotificationCreated).ShouldBeEmpty();
    }

    [Fact]
    public async Task Channel_changes_and_membership_reach_members_and_the_user_concerned()
    {
        var owner = await app.RegisterAsync("founder");
        var member = await app.RegisterAsync("regular");
        var newcomer = await app.RegisterAsync("newcomer");
        var outsider = await app.RegisterAsync("passerby");
        var room = await owner.CreateChannelAsync("changes", ChannelType.Private);
        await owner.AddMemberAsync(room, member);
        var (memberHub, memberEvents) = await app.ConnectRecordingAsync(member);
        var (newcomerHub, newcomerEvents) = await app.ConnectRecordingAsync(newcomer);
        var (outsiderHub, outsiderEvents) = await app.ConnectRecordingAsync(outsider);
        await using var _ = memberHub;
        await using var __ = newcomerHub;
        await using var ___ = outsiderHub;

        (await owner.Http.PatchAsJsonAsync($"api/channels/{room.Id}", new { topic = "new topic" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await owner.AddMemberAsync(room, newcomer);
        (await newcomer.Http.PostAsync($"api/channels/{room.Id}/leave", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var direct = await (await owner.Http.PostAsJsonAsync("api/channels/direct", new { userId = outsider.Id }))
            .ReadAsync<ChannelResponse>(HttpStatusCode.Created);

        var updated = await memberEvents.WaitForAsync<ChannelResponse>(EventNames.ChannelUpdated);
        (updated.Id, updated.Topic, updated.MyRole, updated.LastReadSeq).ShouldBe((room.Id, "new topic", null, null));
        (await memberEvents.WaitForAsync<MemberJoinedEvent>(EventNames.MemberJoined)).Member.UserId.ShouldBe(newcomer.Id);
        (await memberEvents.WaitForAsync<MemberLeftEvent>(EventNames.MemberLeft)).ShouldBe(new MemberLeftEvent(room.Id, newcomer.Id));
        var added = await newcomerEvents.WaitForAsync<ChannelResponse>(EventNames.ChannelAdded);
        (added.Id, added.MyRole).ShouldBe((room.Id, (ChannelRole?)ChannelRole.Member));
        (await newcomerEvents.WaitForAsync<NotificationResponse>(EventNames.NotificationCreated)).Type.ShouldBe(NotificationType.ChannelInvite);
        (await newcomerEvents.WaitForAsync<ChannelRemovedEvent>(EventNames.ChannelRemoved)).ChannelId.ShouldBe(room.Id);
        (await outsiderEvents.WaitForAsync<ChannelResponse>(EventNames.ChannelAdded)).Id.ShouldBe(direct.Id);
        outsiderEvents.Events.Select(e => e.Name).ShouldNotContain(EventNames.ChannelUpdated);
        outsiderEvents.Events.Select(e => e.Name).ShouldNotContain(EventNames.MemberJoined);
        var hello = await owner.PostAsync(direct, "hello in private");
        (await outsiderEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated)).Id.ShouldBe(hello.Id);
        (await outsiderEvents.WaitForAsync<NotificationResponse>(EventNames.NotificationCreated)).Type.ShouldBe(NotificationType.DirectMessage);
    }
}
