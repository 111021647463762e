using System.Threading.RateLimiting;

using Confab.Common;

using Microsoft.Extensions.Options;

namespace Confab.Realtime;

/// <summary>
/// Per-user token buckets for SendMessage and StartTyping, shared by all of a user's connections on this node, so a
/// client cannot flood a channel by opening more connections. Idle buckets are dropped by the partitioned limiter.
/// </summary>
public sealed class HubRateLimits : IDisposable
{
    public const string SendMessage = "SendMessage";
    public const string StartTyping = "StartTyping";

    readonly PartitionedRateLimiter<(Guid UserId, string Method)> limiter;

    public HubRateLimits(IOptions<RealtimeOptions> options)
    {
        var limits = options.Value;
        limiter = PartitionedRateLimiter.Create<(Guid UserId, string Method), (Guid, string)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k => k.Item2 == SendMessage
                ? Bucket(limits.SendMessageBurst, limits.SendMessagesPerMinute)
                : Bucket(limits.TypingBurst, limits.TypingPerMinute)));
    }

    /// <summary>Takes one permit or throws <c>rate_limited</c>.</summary>
    public void Acquire(Guid userId, string method)
    {
        using var lease = limiter.AttemptAcquire((userId, method));
        if (!lease.IsAcquired)
            throw ConfabError.RateLimited($"Too many {method} calls; slow down.");
    }

    public void Dispose() => limiter.Dispose();

    static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
