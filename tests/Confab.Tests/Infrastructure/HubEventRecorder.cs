using System.Text.Json;

using Confab.Realtime;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Tests.Infrastructure;

/// <summary>One event as a connection received it.</summary>
public sealed record HubEvent(string Name, object? Payload);

/// <summary>
/// Collects every contract event a connection receives, in arrival order, and waits for one matching a predicate with
/// a timeout; a timeout fails with the list of what did arrive.
/// </summary>
public sealed class HubEventRecorder
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    readonly Lock gate = new();
    readonly List<HubEvent> events = [];
    TaskCompletionSource changed = NewSignal();

    HubEventRecorder()
    {
    }

    /// <summary>Records the contract's events with their payloads read as the server's contract types.</summary>
    public static HubEventRecorder Attach(HubConnection connection)
    {
        var recorder = new HubEventRecorder();
        recorder.Record<MessageResponse>(connection, EventNames.MessageCreated);
        recorder.Record<MessageResponse>(connection, EventNames.MessageUpdated);
        recorder.Record<TypingEvent>(connection, EventNames.Typing);
        recorder.Record<ReadReceipt>(connection, EventNames.ReadReceipt);
        recorder.Record<PresenceChangedEvent>(connection, EventNames.PresenceChanged);
        recorder.Record<NotificationResponse>(connection, EventNames.NotificationCreated);
        recorder.Record<ChannelResponse>(connection, EventNames.ChannelUpdated);
        recorder.Record<MemberJoinedEvent>(connection, EventNames.MemberJoined);
        recorder.Record<MemberLeftEvent>(connection, EventNames.MemberLeft);
        recorder.Record<ChannelResponse>(connection, EventNames.ChannelAdded);
        recorder.Record<ChannelRemovedEvent>(connection, EventNames.ChannelRemoved);
        return recorder;
    }

    /// <summary>Records the named events with their payloads as the protocol decodes an untyped value.</summary>
    public static HubEventRecorder AttachRaw(HubConnection connection, params string[] names)
    {
        var recorder = new HubEventRecorder();
        foreach (var name in names)
            recorder.Record<object>(connection, name);
        return recorder;
    }

    public IReadOnlyList<HubEvent> Events
    {
        get
        {
            lock (gate)
                return events.ToList();
        }
    }

    public IReadOnlyList<T> All<T>(string name) => Events.Where(e => e.Name == name).Select(e => (T)e.Payload!).ToList();

    /// <summary>Waits for the first event of this name whose payload matches.</summary>
    public async Task<T> WaitForAsync<T>(string name, Func<T, bool>? match = null, TimeSpan? timeout = null) =>
        (await WaitForCountAsync(name, 1, match, timeout))[0];

    /// <summary>Waits until <paramref name="count"/> events of this name match, and returns them in arrival order.</summary>
    public async Task<IReadOnlyList<T>> WaitForCountAsync<T>(
        string name, int count, Func<T, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var found = events.Where(e => e.Name == name && e.Payload is T payload && (match?.Invoke(payload) ?? true))
                    .Select(e => (T)e.Payload!).ToList();
                if (found.Count >= count)
                    return found;
                signal = changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(signal, Task.Delay(left)) != signal)
                throw new ShouldAssertException($"Waited {timeout ?? DefaultTimeout} for {count} matching '{name}' event(s). Arrived:\n{Describe()}");
        }
    }

    public string Describe()
    {
        var arrived = Events;
        return arrived.Count == 0
            ? "  (nothing)"
            : string.Join('\n', arrived.Select(e => $"  {e.Name}: {JsonSerializer.Serialize(e.Payload, Json.Options)}"));
    }

    void Record<T>(HubConnection connection, string name) => connection.On<T>(name, payload =>
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            events.Add(new HubEvent(name, payload));
            signal = changed;
            changed = NewSignal();
        }
        signal.TrySetResult();
    });

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
