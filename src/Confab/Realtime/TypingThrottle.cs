using System.Collections.Concurrent;

namespace Confab.Realtime;

/// <summary>The contract's typing rule: at most one forwarded typing event per user per channel per two seconds.</summary>
public sealed class TypingThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    // Entries are swept when the map grows, so it stays about as large as the number of people typing right now.
    const int SweepAbove = 10_000;

    readonly ConcurrentDictionary<(Guid UserId, Guid ChannelId), long> lastForwarded = new();

    /// <summary>True when this typing signal should be forwarded; false when one went out less than two seconds ago.</summary>
    public bool TryForward(Guid userId, Guid channelId)
    {
        var now = clock.GetTimestamp();
        var key = (userId, channelId);
        while (true)
        {
            if (!lastForwarded.TryGetValue(key, out var last))
            {
                if (lastForwarded.TryAdd(key, now))
                {
                    SweepIfLarge(now);
                    return true;
                }
                continue;
            }
            if (clock.GetElapsedTime(last, now) < Window)
                return false;
            if (lastForwarded.TryUpdate(key, now, last))
                return true;
        }
    }

    void SweepIfLarge(long now)
    {
        if (lastForwarded.Count <= SweepAbove)
            return;
        foreach (var (key, last) in lastForwarded)
        {
            if (clock.GetElapsedTime(last, now) >= Window)
                lastForwarded.TryRemove(new KeyValuePair<(Guid, Guid), long>(key, last));
        }
    }
}
