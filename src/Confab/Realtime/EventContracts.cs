using Confab.Common;

namespace Confab.Realtime;

/// <summary>The names of the events the hub sends, exactly as the contract spells them.</summary>
public static class EventNames
{
    public const string MessageCreated = "messageCreated";
    public const string MessageUpdated = "messageUpdated";
    public const string Typing = "typing";
    public const string ReadReceipt = "readReceipt";
    public const string PresenceChanged = "presenceChanged";
    public const string NotificationCreated = "notificationCreated";
    public const string ChannelUpdated = "channelUpdated";
    public const string MemberJoined = "memberJoined";
    public const string MemberLeft = "memberLeft";
    public const string ChannelAdded = "channelAdded";
    public const string ChannelRemoved = "channelRemoved";
}

/// <summary>A member's cursors moved.</summary>
public sealed record ReadReceipt(Guid ChannelId, Guid UserId, long LastReadSeq, long LastDeliveredSeq);

/// <summary>Someone is typing in a channel.</summary>
public sealed record TypingEvent(Guid ChannelId, Guid UserId, string Username);

/// <summary>A user came online or went offline.</summary>
public sealed record PresenceChangedEvent(Guid UserId, Presence Presence, DateTime? LastSeenAt);

/// <summary>A member joined or was added.</summary>
public sealed record MemberJoinedEvent(Guid ChannelId, Channels.ChannelMemberResponse Member);

/// <summary>A member left or was removed.</summary>
public sealed record MemberLeftEvent(Guid ChannelId, Guid UserId);

/// <summary>The user stopped being a member of the channel.</summary>
public sealed record ChannelRemovedEvent(Guid ChannelId);
