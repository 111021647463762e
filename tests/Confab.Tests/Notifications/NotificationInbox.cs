using Confab.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Notifications;

/// <summary>One hub connection of a user, recording every <c>notificationCreated</c> it receives, in order.</summary>
public sealed class NotificationInbox : IAsyncDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    readonly HubConnection connection;
    readonly List<NotificationResponse> received = [];
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    NotificationInbox(HubConnection connection)
    {
        this.connection = connection;
        connection.On<NotificationResponse>(EventNames.NotificationCreated, notification =>
        {
            lock (received)
            {
                received.Add(notification);
                arrived.TrySetResult();
                arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        });
    }

    public static async Task<NotificationInbox> OpenAsync(TestUser user) => new(await user.ConnectHubAsync());

    public IReadOnlyList<NotificationResponse> Received
    {
        get
        {
            lock (received)
                return received.ToList();
        }
    }

    /// <summary>Waits for a notification matching <paramref name="match"/>; fails listing what arrived instead.</summary>
    public async Task<NotificationResponse> WaitForAsync(Func<NotificationResponse, bool> match)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            Task next;
            lock (received)
            {
                if (received.FirstOrDefault(match) is { } found)
                    return found;
                next = arrived.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(next, Task.Delay(left)) != next)
                throw new ShouldAssertException(
                    $"No matching notificationCreated within {Timeout.TotalSeconds} s; received: {Describe(Received)}");
        }
    }

    /// <summary>
    /// Everything received before the system notification with <paramref name="marker"/> as text. The marker is sent
    /// after the action under test, so whatever that action pushed arrived before it.
    /// </summary>
    public async Task<IReadOnlyList<NotificationResponse>> ReceivedBeforeAsync(string marker)
    {
        await WaitForAsync(n => n.Text == marker);
        return Received.TakeWhile(n => n.Text != marker).ToList();
    }

    public static string Describe(IEnumerable<NotificationResponse> notifications) =>
        "[" + string.Join(", ", notifications.Select(n => $"{n.Type} '{n.Text}'")) + "]";

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
