using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

/// <summary>MessagePack clients get the JSON shape: camelCase keys, enums as camelCase strings, string ids and times.</summary>
public sealed class HubMessagePackTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Messages_and_events_over_MessagePack_use_camelCase_names_and_string_enums()
    {
        var sender = await app.RegisterAsync("packer");
        var receiver = await app.RegisterAsync("unpacker");
        var room = await sender.CreateChannelAsync("binary");
        await receiver.JoinAsync(room);
        var (hub, _) = await app.ConnectRecordingAsync(sender, messagePack: true);
        var (receiverHub, events) = await app.ConnectRecordingAsync(receiver, messagePack: true);
        await using var __ = hub;
        await using var ___ = receiverHub;

        var sent = await hub.InvokeAsync<Dictionary<object, object?>>("SendMessage", room.Id.ToString(), "packed", "m-1", null);
        await receiverHub.InvokeAsync("React", (string)sent["id"]!, "🎉");
        var created = (Dictionary<object, object?>)(await events.WaitForAsync<object>(EventNames.MessageCreated));
        var updated = (Dictionary<object, object?>)(await events.WaitForAsync<object>(EventNames.MessageUpdated));
        var synced = await hub.InvokeAsync<Dictionary<object, object?>[]>("Sync", new[] { new { channelId = room.Id.ToString(), afterSeq = 0L } });

        sent.Keys.Cast<string>().ShouldBe(
        [
            "id", "channelId", "seq", "author", "content", "clientMessageId", "parentId", "replyCount", "reactions",
            "mentions", "createdAt", "editedAt", "deletedAt", "status",
        ]);
        sent["channelId"].ShouldBe(room.Id.ToString());
        Convert.ToInt64(sent["seq"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
        sent["status"].ShouldBe("sent");
        ((string)sent["createdAt"]!).ShouldEndWith("Z");
        ((Dictionary<object, object?>)sent["author"]!)["username"].ShouldBe(sender.User.Username);
        created["id"].ShouldBe(sent["id"]);
        created["content"].ShouldBe("packed");
        var reaction = (Dictionary<object, object?>)((object?[])updated["reactions"]!).Single()!;
        (reaction["emoji"], reaction["me"]).ShouldBe(("🎉", true));
        synced.Single()["channelId"].ShouldBe(room.Id.ToString());
        synced.Single()["gone"].ShouldBe(false);
        ((object?[])synced.Single()["messages"]!).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Bad_arguments_over_MessagePack_are_coded_too()
    {
        var user = await app.RegisterAsync("packerror");
        var (hub, _) = await app.ConnectRecordingAsync(user, messagePack: true);
        await using var __ = hub;

        (await hub.ShouldFailAsync("SendMessage", "nope", "x", "y", null)).ShouldBe("bad_request: channelId is not a valid id.");
        (await hub.ShouldFailAsync("MarkRead", Guid.NewGuid().ToString(), "seven")).ShouldStartWith("bad_request: The arguments do not fit MarkRead(");
        (await hub.ShouldFailAsync("Sync", [new[] { new { channelId = 5, afterSeq = 0 } }])).ShouldStartWith("bad_request: ");
    }
}
