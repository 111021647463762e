namespace Confab.Realtime;

/// <summary>
/// Makes a channel's messages go out in seq order. Events are published after commit, so two concurrent posters could
/// commit seq 5 and 6 and publish 6 first; a poster holds its channel's lock from taking the seq until its event is
/// handed to SignalR. SignalR writes to each connection in the order sends are started, and <see cref="ChatEvents"/>
/// starts a send without waiting for delivery, so the lock is never held while a slow client drains.
/// </summary>
public sealed class ChannelPublishOrder
{
    readonly StripedLocks locks = new();

    public Task<IDisposable> EnterAsync(Guid channelId, CancellationToken ct) => locks.EnterAsync(channelId, ct);
}
