using System.Net.WebSockets;
using System.Text;

using Confab.Realtime;

namespace Confab.Tests.Realtime;

public sealed class HubSlowClientTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task A_client_that_stops_reading_does_not_hold_up_posters_or_other_members()
    {
        var poster = await app.RegisterAsync("poster");
        var stuck = await app.RegisterAsync("stuck");
        var reader = await app.RegisterAsync("reader");
        var room = await poster.CreateChannelAsync("firehose");
        await stuck.JoinAsync(room);
        await reader.JoinAsync(room);
        var (readerHub, readerEvents) = await app.ConnectRecordingAsync(reader);
        await using var _ = readerHub;
        using var stalled = await ConnectAndNeverReadAsync(stuck);
        // Presence is announced after the server subscribed the connection to its channels.
        await readerEvents.WaitForAsync<PresenceChangedEvent>(EventNames.PresenceChanged, p => p.UserId == stuck.Id);

        // Each event is about 48 KB of JSON (emoji are escaped as \uXXXX pairs): together far more than the socket
        // buffers and the server's per-connection buffer can hold for the client that does not read.
        var content = string.Concat(Enumerable.Repeat("😀", 4000));
        const int count = 160;
        for (var batch = 0; batch < count; batch += 4)
            await Task.WhenAll(Enumerable.Range(batch, 4).Select(i => poster.PostAsync(room, content, $"big-{i}")));

        var received = await readerEvents.WaitForCountAsync<MessageResponse>(EventNames.MessageCreated, count, timeout: TimeSpan.FromSeconds(30));
        received.Select(m => m.Seq).ShouldBe(Enumerable.Range(1, count).Select(i => (long)i));
        // Had delivery waited for the stuck client, the posts would have stalled until the server gave up on it and
        // closed its connection (its offline presence arriving before the last message).
        readerEvents.All<PresenceChangedEvent>(EventNames.PresenceChanged).Where(p => p.UserId == stuck.Id)
            .Select(p => p.Presence).ShouldBe([Presence.Online]);
    }

    // A hub client reduced to the handshake: it joins the user's channels like any other and then never reads a byte.
    async Task<ClientWebSocket> ConnectAndNeverReadAsync(TestUser user)
    {
        var socket = new ClientWebSocket();
        var url = new UriBuilder(new Uri(app.BaseAddress, "hubs/chat")) { Scheme = "ws", Query = $"access_token={user.Auth.AccessToken}" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        return socket;
    }
}
