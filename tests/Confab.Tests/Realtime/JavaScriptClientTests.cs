using System.Text.Json;

using Confab.Realtime;

namespace Confab.Tests.Realtime;

public sealed class JavaScriptClientTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task The_official_JavaScript_client_connects_joins_sends_receives_and_syncs()
    {
        var owner = await app.RegisterAsync("jsowner");
        var browser = await app.RegisterAsync("jsuser");
        var room = await owner.CreateChannelAsync("javascript");
        var earlier = await owner.PostAsync(room, "before you came");
        var (ownerHub, ownerEvents) = await app.ConnectRecordingAsync(owner);
        await using var _ = ownerHub;

        var result = await NodeScript.RunAsync("chat-client.mjs", new Dictionary<string, string>
        {
            ["CONFAB_URL"] = app.BaseAddress.ToString(),
            ["CONFAB_TOKEN"] = browser.Auth.AccessToken,
            ["CONFAB_CHANNEL"] = room.Id.ToString(),
        });

        result.GetProperty("channelAdded").GetString().ShouldBe(room.Id.ToString());
        var sent = result.GetProperty("sent").Deserialize<MessageResponse>(Json.Options)!;
        sent.Content.ShouldBe("hello from javascript");
        sent.Seq.ShouldBe(2);
        sent.Author.Id.ShouldBe(browser.Id);
        sent.Status.ShouldBe(MessageStatus.Sent);
        result.GetProperty("sent").GetProperty("status").GetString().ShouldBe("sent");
        result.GetProperty("received").GetProperty("id").GetString().ShouldBe(sent.Id.ToString());
        var sync = result.GetProperty("sync").Deserialize<SyncResult[]>(Json.Options)!.Single();
        sync.ChannelId.ShouldBe(room.Id);
        sync.Messages.Select(m => m.Id).ShouldBe([earlier.Id, sent.Id]);
        (sync.HasMore, sync.Gone).ShouldBe((false, false));
        result.GetProperty("error").GetString().ShouldBe("bad_request: channelId is not a valid id.");
        result.GetProperty("stillConnected").GetBoolean().ShouldBeTrue();
        (await ownerEvents.WaitForAsync<MessageResponse>(EventNames.MessageCreated, m => m.Id == sent.Id)).Content.ShouldBe("hello from javascript");
        (await ownerEvents.WaitForAsync<MemberJoinedEvent>(EventNames.MemberJoined)).Member.UserId.ShouldBe(browser.Id);
    }
}
