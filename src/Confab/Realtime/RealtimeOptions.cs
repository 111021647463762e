using System.ComponentModel.DataAnnotations;

namespace Confab.Realtime;

/// <summary>The <c>Realtime</c> configuration section: per-user limits on the hub's chatty methods, and presence.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary>How many SendMessage calls a user may make in a burst.</summary>
    [Range(1, 100_000)]
    public int SendMessageBurst { get; set; } = 30;

    /// <summary>The sustained SendMessage rate of a user, across all their connections.</summary>
    [Range(1, 600_000)]
    public int SendMessagesPerMinute { get; set; } = 600;

    /// <summary>How many StartTyping calls a user may make in a burst.</summary>
    [Range(1, 100_000)]
    public int TypingBurst { get; set; } = 20;

    [Range(1, 600_000)]
    public int TypingPerMinute { get; set; } = 300;

    /// <summary>
    /// How long a user stays online after their last connection closes. One who reconnects within it (a network
    /// blip, a phone switching networks, a node restarting) never flickers offline to everyone sharing a channel.
    /// </summary>
    [Range(0, 300)]
    public int OfflineGraceSeconds { get; set; } = 15;
}
