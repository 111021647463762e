using System.ComponentModel.DataAnnotations;

namespace Confab.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Notifications older than this are pruned.</summary>
    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 90;

    [Range(1, 1440)]
    public int PruneIntervalMinutes { get; set; } = 60;
}
