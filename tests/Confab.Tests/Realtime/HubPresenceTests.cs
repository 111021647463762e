using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

public sealed class HubPresenceTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task A_user_is_online_while_any_connection_is_open_and_each_change_is_told_once()
    {
        var watcher = await app.RegisterAsync("watcher");
        var roamer = await app.RegisterAsync("roamer");
        var stranger = await app.RegisterAsync("stranger");
        var room = await watcher.CreateChannelAsync("presence");
        await roamer.JoinAsync(room);
        var second = await watcher.CreateChannelAsync("presence-too");
        await roamer.JoinAsync(second);
        var (watcherHub, watcherEvents) = await app.ConnectRecordingAsync(watcher);
        var (strangerHub, strangerEvents) = await app.ConnectRecordingAsync(stranger);
        await using var _ = watcherHub;
        await using var __ = strangerHub;

        var phone = (await app.ConnectRecordingAsync(roamer)).Connection;
        var online = await watcherEvents.WaitForAsync<PresenceChangedEvent>(EventNames.PresenceChanged);
        var laptop = (await app.ConnectRecordingAsync(roamer)).Connection;
        (await roamer.GetAsync<UserResponse>($"api/users/{roamer.Id}")).Presence.ShouldBe(Presence.Online);
        await phone.DisposeAsync();
        (await roamer.GetAsync<UserResponse>($"api/users/{roamer.Id}")).Presence.ShouldBe(Presence.Online);
        await laptop.DisposeAsync();
        var offline = await watcherEvents.WaitForAsync<PresenceChangedEvent>(EventNames.PresenceChanged, p => p.Presence == Presence.Offline);

        online.ShouldBe(new PresenceChangedEvent(roamer.Id, Presence.Online, null));
        offline.UserId.ShouldBe(roamer.Id);
        offline.LastSeenAt.ShouldNotBeNull().Kind.ShouldBe(DateTimeKind.Utc);
        var stored = await watcher.GetAsync<UserResponse>($"api/users/{roamer.Id}");
        stored.Presence.ShouldBe(Presence.Offline);
        stored.LastSeenAt.ShouldBe(offline.LastSeenAt);
        var barrier = await watcher.PostAsync(room, "barrier");
        await watcherEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        watcherEvents.All<PresenceChangedEvent>(EventNames.PresenceChanged).Where(p => p.UserId == roamer.Id)
            .Select(p => p.Presence).ShouldBe([Presence.Online, Presence.Offline]);
        strangerEvents.All<PresenceChangedEvent>(EventNames.PresenceChanged).ShouldBeEmpty();
    }

    [Fact]
    public async Task Users_who_go_offline_together_each_have_their_lastSeenAt_stored()
    {
        var watcher = await app.RegisterAsync("crowd-watcher");
        var room = await watcher.CreateChannelAsync("crowd");
        var crowd = new List<TestUser>();
        for (var i = 0; i < 12; i++)
        {
            crowd.Add(await app.RegisterAsync($"crowd{i}"));
            await crowd[^1].JoinAsync(room);
        }
        var (watcherHub, watcherEvents) = await app.ConnectRecordingAsync(watcher);
        await using var _ = watcherHub;
        var hubs = await Task.WhenAll(crowd.Select(async member => (await app.ConnectRecordingAsync(member)).Connection));

        await Task.WhenAll(hubs.Select(hub => hub.DisposeAsync().AsTask()));

        foreach (var member in crowd)
        {
            var offline = await watcherEvents.WaitForAsync<PresenceChangedEvent>(
                EventNames.PresenceChanged, p => p.UserId == member.Id && p.Presence == Presence.Offline);
            var stored = await watcher.GetAsync<UserResponse>($"api/users/{member.Id}");
            stored.Presence.ShouldBe(Presence.Offline);
            stored.LastSeenAt.ShouldNotBeNull().ShouldBe(offline.LastSeenAt.ShouldNotBeNull());
        }
    }

    [Fact]
    public async Task Typing_is_forwarded_to_the_others_at_most_once_per_two_seconds()
    {
        var typist = await app.RegisterAsync("typist");
        var listener = await app.RegisterAsync("listener");
        var room = await typist.CreateChannelAsync("typing");
        await listener.JoinAsync(room);
        var (typistHub, typistEvents) = await app.ConnectRecordingAsync(typist);
        var (listenerHub, listenerEvents) = await app.ConnectRecordingAsync(listener);
        await using var _ = typistHub;
        await using var __ = listenerHub;

        for (var i = 0; i < 3; i++)
            await typistHub.InvokeAsync("StartTyping", room.Id.ToString());
        var barrier = await typist.PostAsync(room, "done typing");

        await listenerEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        await typistEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == barrier.Id);
        listenerEvents.All<TypingEvent>(EventNames.Typing).ShouldBe([new TypingEvent(room.Id, typist.Id, typist.User.Username)]);
        typistEvents.All<TypingEvent>(EventNames.Typing).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_members_may_type_and_not_in_an_archived_channel()
    {
        var owner = await app.RegisterAsync("host");
        var outsider = await app.RegisterAsync("outsider");
        var open = await owner.CreateChannelAsync("public-typing");
        var closed = await owner.CreateChannelAsync("private-typing", ChannelType.Private);
        var archived = await owner.CreateChannelAsync("archived-typing");
        (await owner.Http.DeleteAsync($"api/channels/{archived.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (hub, _) = await app.ConnectRecordingAsync(outsider);
        var (ownerHub, __) = await app.ConnectRecordingAsync(owner);
        await using var ___ = hub;
        await using var ____ = ownerHub;

        (await hub.ShouldFailAsync("StartTyping", open.Id.ToString())).ShouldStartWith("forbidden: ");
        (await hub.ShouldFailAsync("StartTyping", closed.Id.ToString())).ShouldStartWith("not_found: ");
        (await ownerHub.ShouldFailAsync("StartTyping", archived.Id.ToString())).ShouldStartWith("channel_archived: ");
    }
}
