using Confab.Messages;

namespace Confab.Realtime;

/// <summary>Where the client stopped reading a channel.</summary>
/// <param name="ChannelId">The channel's id, as a string.</param>
/// <param name="AfterSeq">The highest seq the client has; messages above it are returned.</param>
public sealed record SyncCursor(string? ChannelId, long AfterSeq);

/// <summary>What the client missed in one channel.</summary>
/// <param name="Messages">Up to 100 messages above the cursor, in seq order.</param>
/// <param name="HasMore">More messages follow; call Sync again from the last seq.</param>
/// <param name="Gone">The caller can no longer see the channel; it has no messages.</param>
public sealed record SyncResult(Guid ChannelId, IReadOnlyList<MessageResponse> Messages, bool HasMore, bool Gone);
