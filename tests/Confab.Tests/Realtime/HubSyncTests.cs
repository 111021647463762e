using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

public sealed class HubSyncTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    static SyncCursor Cursor(ChannelResponse channel, long afterSeq) => new(channel.Id.ToString(), afterSeq);

    [Fact]
    public async Task Sync_after_a_disconnect_returns_exactly_the_missed_messages()
    {
        var poster = await app.RegisterAsync("poster");
        var sleeper = await app.RegisterAsync("sleeper");
        var room = await poster.CreateChannelAsync("missed");
        var quiet = await poster.CreateChannelAsync("quiet");
        await sleeper.JoinAsync(room);
        await sleeper.JoinAsync(quiet);
        var (hub, events) = await app.ConnectRecordingAsync(sleeper);
        await poster.PostAsync(room, "seen 1");
        var seen = await poster.PostAsync(room, "seen 2");
        var lastSeen = (await events.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == seen.Id)).Seq;
        await hub.DisposeAsync();

        var missed = new[] { await poster.PostAsync(room, "missed 1"), await poster.PostAsync(room, "missed 2") };
        var (again, _) = await app.ConnectRecordingAsync(sleeper);
        await using var __ = again;
        var results = await again.InvokeAsync<SyncResult[]>("Sync", new[] { Cursor(room, lastSeen), Cursor(quiet, 0) });

        results.Length.ShouldBe(2);
        results[0].ChannelId.ShouldBe(room.Id);
        results[0].Messages.Select(m => m.Id).ShouldBe(missed.Select(m => m.Id));
        results[0].Messages.Select(m => m.Seq).ShouldBe([3L, 4L]);
        results[0].Messages[0].ShouldBeEquivalentTo(await sleeper.GetAsync<MessageResponse>($"api/messages/{missed[0].Id}"));
        (results[0].HasMore, results[0].Gone).ShouldBe((false, false));
        (results[1].ChannelId, results[1].Messages.Count, results[1].HasMore, results[1].Gone).ShouldBe((quiet.Id, 0, false, false));
    }

    [Fact]
    public async Task Sync_pages_by_100_with_hasMore()
    {
        var poster = await app.RegisterAsync("chatty");
        var room = await poster.CreateChannelAsync("long");
        for (var i = 1; i <= 205; i++)
            await poster.PostAsync(room, $"message {i}");
        var (hub, _) = await app.ConnectRecordingAsync(poster);
        await using var __ = hub;

        var seqs = new List<long>();
        var pages = new List<(int Count, bool HasMore)>();
        long after = 0;
        while (true)
        {
            var page = (await hub.InvokeAsync<SyncResult[]>("Sync", new[] { Cursor(room, after) })).Single();
            pages.Add((page.Messages.Count, page.HasMore));
            seqs.AddRange(page.Messages.Select(m => m.Seq));
            if (!page.HasMore)
                break;
            after = page.Messages[^1].Seq;
        }

        pages.ShouldBe([(100, true), (100, true), (5, false)]);
        seqs.ShouldBe(Enumerable.Range(1, 205).Select(i => (long)i));
    }

    [Fact]
    public async Task A_channel_the_caller_can_no_longer_see_is_gone()
    {
        var owner = await app.RegisterAsync("gatekeeper");
        var member = await app.RegisterAsync("exiled");
        var secret = await owner.CreateChannelAsync("vault", ChannelType.Private);
        await owner.AddMemberAsync(secret, member);
        await owner.PostAsync(secret, "classified");
        (await owner.Http.DeleteAsync($"api/channels/{secret.Id}/members/{member.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (hub, _) = await app.ConnectRecordingAsync(member);
        await using var __ = hub;

        var results = await hub.InvokeAsync<SyncResult[]>("Sync", new[] { Cursor(secret, 0), new SyncCursor(Guid.NewGuid().ToString(), 0) });

        results.Select(r => (r.Messages.Count, r.HasMore, r.Gone)).ShouldBe([(0, false, true), (0, false, true)]);
        results[0].ChannelId.ShouldBe(secret.Id);
    }

    [Fact]
    public async Task Sync_rejects_malformed_ids_and_negative_seqs_with_codes()
    {
        var user = await app.RegisterAsync("syncer");
        var room = await user.CreateChannelAsync("checks");
        var (hub, _) = await app.ConnectRecordingAsync(user);
        await using var __ = hub;

        (await hub.ShouldFailAsync("Sync", [new[] { Cursor(room, 0), new SyncCursor("not-a-guid", 0) }]))
            .ShouldBe("bad_request: cursors[1].channelId is not a valid id.");
        (await hub.ShouldFailAsync("Sync", [new[] { Cursor(room, -1) }])).ShouldBe("validation_failed: afterSeq must not be negative.");
        (await hub.ShouldFailAsync("Sync", [null])).ShouldBe("validation_failed: cursors is required.");
        (await hub.ShouldFailAsync("Sync", [new[] { new { channelId = room.Id, afterSeq = "five" } }])).ShouldStartWith("bad_request: ");
        (await hub.InvokeAsync<SyncResult[]>("Sync", Array.Empty<SyncCursor>())).ShouldBeEmpty();
    }
}
