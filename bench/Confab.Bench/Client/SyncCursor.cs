namespace Confab.Bench.Client;

/// <summary>An argument of the hub's <c>Sync</c>: the last seq a client has of a channel.</summary>
public sealed record SyncCursor(string ChannelId, long AfterSeq);
