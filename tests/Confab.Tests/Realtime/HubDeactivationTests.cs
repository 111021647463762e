using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Realtime;

/// <summary>Alone in its class so its first registered user is the admin.</summary>
public sealed class HubDeactivationTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public async Task Deactivating_a_user_closes_their_live_connections_at_once_and_refuses_new_ones()
    {
        var admin = await app.RegisterAsync("admin");
        admin.User.Role.ShouldBe(Role.Admin);
        var target = await app.RegisterAsync("target");
        var room = await admin.CreateChannelAsync("watch");
        await target.JoinAsync(room);
        var (adminHub, adminEvents) = await app.ConnectRecordingAsync(admin);
        await using var _ = adminHub;
        var connections = new[] { (await app.ConnectRecordingAsync(target)).Connection, (await app.ConnectRecordingAsync(target)).Connection };
        var closed = connections.Select(c =>
        {
            var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            c.Closed += error =>
            {
                done.TrySetResult(error);
                return Task.CompletedTask;
            };
            return done.Task;
        }).ToList();

        var response = await admin.Http.PatchAsJsonAsync($"api/users/{target.Id}", new { isActive = false });

        (await response.ReadAsync<UserResponse>(HttpStatusCode.OK)).IsActive.ShouldBeFalse();
        var all = Task.WhenAll(closed);
        (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(10)))).ShouldBe(all, "the target's connections were not closed");
        connections.Select(c => c.State).ShouldBe([HubConnectionState.Disconnected, HubConnectionState.Disconnected]);
        (await adminEvents.WaitForAsync<PresenceChangedEvent>(EventNames.PresenceChanged, p => p.UserId == target.Id && p.Presence == Presence.Offline))
            .LastSeenAt.ShouldNotBeNull();
        await using var again = HubClient.Build(app, target.Auth.AccessToken);
        (await Should.ThrowAsync<Exception>(() => again.StartAsync())).Message.ShouldContain("401");
    }
}
