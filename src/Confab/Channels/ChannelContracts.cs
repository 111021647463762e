using System.ComponentModel.DataAnnotations;
using Confab.Common;

namespace Confab.Channels;

/// <summary>A channel; the <c>my*</c>, <c>lastReadSeq</c>, <c>unreadCount</c> and <c>muted</c> fields describe the caller's membership and are null when not a member.</summary>
/// <param name="Name">Null for direct channels.</param>
/// <param name="LastSeq">The seq of the newest message, 0 when there is none.</param>
/// <param name="UnreadCount">Messages by others, not deleted, above <c>lastReadSeq</c>.</param>
public sealed record ChannelResponse(
    Guid Id,
    string? Name,
    ChannelType Type,
    string Topic,
    Guid CreatedBy,
    DateTime CreatedAt,
    DateTime? ArchivedAt,
    int MemberCount,
    long LastSeq,
    ChannelRole? MyRole,
    long? LastReadSeq,
    int? UnreadCount,
    bool? Muted);

/// <summary>A member of a channel with their cursors.</summary>
public sealed record ChannelMemberResponse(
    Guid UserId,
    string Username,
    string DisplayName,
    ChannelRole Role,
    DateTime JoinedAt,
    long LastReadSeq,
    long LastDeliveredSeq);

/// <summary>Create a public or private channel; the caller becomes its owner.</summary>
/// <param name="Name">1 to 80 characters, unique among non-direct channels, case-insensitively.</param>
/// <param name="Type"><c>public</c> or <c>private</c>.</param>
/// <param name="Topic">Up to 250 characters.</param>
public sealed record CreateChannelRequest(
    [property: Required, Text(1, 80)] string Name,
    [property: Required] ChannelType? Type,
    [property: Text(0, 250)] string? Topic);

/// <summary>Rename a channel or change its topic.</summary>
public sealed record UpdateChannelRequest([property: Text(1, 80)] string? Name, [property: Text(0, 250)] string? Topic);

/// <summary>A user to add to a channel, or to open a direct channel with.</summary>
public sealed record UserIdRequest([property: Required] Guid? UserId);

/// <summary>A member's new channel role.</summary>
public sealed record UpdateMemberRequest([property: Required] ChannelRole? Role);

/// <summary>Move a cursor forward to <c>seq</c>.</summary>
public sealed record SeqRequest([property: Required, Range(0, long.MaxValue)] long? Seq);

/// <summary>Mute or unmute a channel for the caller.</summary>
public sealed record MuteRequest([property: Required] bool? Muted);
