using System.ComponentModel.DataAnnotations;
using Confab.Common;
using Confab.Users;

namespace Confab.Notifications;

/// <summary>Something that happened for the user: a mention, a direct message, a reply, an invite or an announcement.</summary>
/// <param name="Actor">Who caused it; null for system notifications.</param>
public sealed record NotificationResponse(
    Guid Id,
    NotificationType Type,
    Guid? ChannelId,
    Guid? MessageId,
    UserSummary? Actor,
    string Text,
    DateTime CreatedAt,
    DateTime? ReadAt);

/// <summary>How many of the caller's notifications are unread.</summary>
public sealed record UnreadCountResponse(int Count);

/// <summary>An admin announcement; to every active user when <c>userIds</c> is absent.</summary>
public sealed record AnnounceRequest([property: Required, Text(1, 4000)] string Text, Guid[]? UserIds);

/// <summary>How many notifications an announcement created.</summary>
public sealed record AnnounceResponse(int Count);
