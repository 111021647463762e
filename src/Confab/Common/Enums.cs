namespace Confab.Common;

/// <summary>A user's global role.</summary>
public enum Role { User, Admin }

/// <summary>Who can see a channel and how one becomes a member.</summary>
public enum ChannelType { Public, Private, Direct }

/// <summary>A member's role inside one channel.</summary>
public enum ChannelRole { Owner, Admin, Member }

/// <summary>How far a message got, from its author's point of view.</summary>
public enum MessageStatus { Sent, Delivered, Read }

/// <summary>What caused a notification.</summary>
public enum NotificationType { Mention, DirectMessage, Reply, ChannelInvite, System }

/// <summary>Whether a user has at least one live connection.</summary>
public enum Presence { Online, Offline }
