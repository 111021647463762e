using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;

namespace Confab.Tests.Realtime;

public sealed class HubErrorTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Bad_input_gets_coded_errors_and_the_connection_keeps_working()
    {
        var user = await app.RegisterAsync("clumsy");
        var room = await user.CreateChannelAsync("errors");
        var (hub, events) = await app.ConnectRecordingAsync(user);
        await using var _ = hub;
        var id = room.Id.ToString();

        (await hub.ShouldFailAsync("SendMessage", Guid.NewGuid().ToString(), "hi", "e-1", null)).ShouldBe("not_found: The channel does not exist.");
        (await hub.ShouldFailAsync("SendMessage", "not-an-id", "hi", "e-2", null)).ShouldBe("bad_request: channelId is not a valid id.");
        (await hub.ShouldFailAsync("SendMessage", id, "hi", "e-3", "nope")).ShouldBe("bad_request: parentId is not a valid id.");
        (await hub.ShouldFailAsync("SendMessage", id, new string('x', 4001), "e-4", null)).ShouldStartWith("validation_failed: ");
        (await hub.ShouldFailAsync("SendMessage", id, "   ", "e-5", null)).ShouldStartWith("validation_failed: ");
        (await hub.ShouldFailAsync("SendMessage", id, "hi", null, null)).ShouldBe("validation_failed: clientMessageId is required.");
        (await hub.ShouldFailAsync("SendMessage", id, 42, "e-6", null))
            .ShouldBe("bad_request: The arguments do not fit SendMessage(channelId: string, content: string, clientMessageId: string, parentId: string).");
        (await hub.ShouldFailAsync("SendMessage", id, "too few arguments")).ShouldStartWith("bad_request: The arguments do not fit SendMessage(");
        (await hub.ShouldFailAsync("MarkRead", id, "seven")).ShouldStartWith("bad_request: The arguments do not fit MarkRead(");
        (await hub.ShouldFailAsync("EditMessage", Guid.NewGuid().ToString(), "x")).ShouldBe("not_found: The message does not exist.");
        (await hub.ShouldFailAsync("React", "{}", "👍")).ShouldBe("bad_request: messageId is not a valid id.");

        var sent = await hub.InvokeAsync<MessageResponse>("SendMessage", id, "still here", "e-7", null);
        sent.Seq.ShouldBe(1);
        (await events.WaitForAsync<MessageResponse>(EventNames.MessageCreated)).Id.ShouldBe(sent.Id);
        hub.State.ShouldBe(HubConnectionState.Connected);
    }

    [Fact]
    public async Task The_largest_message_fits_the_hub_limit_and_a_frame_over_64_KiB_closes_the_connection()
    {
        var user = await app.RegisterAsync("bulky");
        var room = await user.CreateChannelAsync("frames");
        var (hub, _) = await app.ConnectRecordingAsync(user);
        await using var __ = hub;
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // 4000 emoji are 4000 characters but about 48 KiB of JSON, since the client escapes them: over SignalR's default.
        var largest = string.Concat(Enumerable.Repeat("🙂", 4000));
        var sent = await hub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), largest, "big-1", null);
        sent.Content.ShouldBe(largest);
        var oversized = hub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), new string('x', 70 * 1024), "big-2", null);

        await Should.ThrowAsync<Exception>(oversized);
        (await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(closed.Task, "the connection stayed open");
    }

    [Fact]
    public async Task Someone_elses_message_cannot_be_edited_and_the_error_is_forbidden()
    {
        var author = await app.RegisterAsync("original");
        var other = await app.RegisterAsync("meddler");
        var room = await author.CreateChannelAsync("mine");
        await other.JoinAsync(room);
        var message = await author.PostAsync(room, "my words");
        var (hub, _) = await app.ConnectRecordingAsync(other);
        await using var __ = hub;

        (await hub.ShouldFailAsync("EditMessage", message.Id.ToString(), "your words")).ShouldBe("forbidden: Only the author may edit a message.");
        (await hub.ShouldFailAsync("DeleteMessage", message.Id.ToString())).ShouldStartWith("forbidden: ");
    }

    [Fact]
    public async Task The_same_clientMessageId_returns_the_first_message_and_publishes_once()
    {
        var user = await app.RegisterAsync("retrier");
        var room = await user.CreateChannelAsync("retry");
        var (hub, events) = await app.ConnectRecordingAsync(user);
        await using var _ = hub;

        var first = await hub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "once", "same", null);
        var again = await hub.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "once", "same", null);
        var conflict = await hub.ShouldFailAsync("SendMessage", room.Id.ToString(), "twice", "same", null);
        var barrier = await user.PostAsync(room, "barrier");

        again.Id.ShouldBe(first.Id);
        conflict.ShouldStartWith("idempotency_conflict: ");
        (await events.WaitForCountAsync<MessageResponse>(EventNames.MessageCreated, 2)).Select(m => m.Id).ShouldBe([first.Id, barrier.Id]);
    }

    [Fact]
    public async Task A_connection_without_a_valid_token_is_refused()
    {
        var user = await app.RegisterAsync("locked");
        var expired = app.SignToken(user, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(-5), app.ServerKey());
        var foreignKey = app.SignToken(user, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), new SymmetricSecurityKey(new byte[64]));

        foreach (var (token, inQuery) in new[] { ((string?)null, false), ("not-a-jwt", false), ("not-a-jwt", true), (expired, false), (expired, true), (foreignKey, false) })
        {
            await using var connection = HubClient.Build(app, token, tokenInQuery: inQuery);
            var refused = await Should.ThrowAsync<Exception>(() => connection.StartAsync());
            refused.Message.ShouldContain("401", customMessage: $"token {token ?? "(none)"} in {(inQuery ? "query" : "header")}");
        }
    }

    [Fact]
    public async Task The_access_token_is_accepted_in_the_query_string_as_browsers_send_it()
    {
        var user = await app.RegisterAsync("browser");
        var room = await user.CreateChannelAsync("query");
        await using var connection = HubClient.Build(app, user.Auth.AccessToken, tokenInQuery: true);
        await connection.StartAsync();

        var sent = await connection.InvokeAsync<MessageResponse>("SendMessage", room.Id.ToString(), "from a browser", "q-1", null);

        sent.Author.Id.ShouldBe(user.Id);
    }
}
