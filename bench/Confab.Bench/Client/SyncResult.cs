namespace Confab.Bench.Client;

/// <summary>One channel of the hub's <c>Sync</c> reply.</summary>
public sealed record SyncResult(string ChannelId, IReadOnlyList<MessageEvent> Messages, bool HasMore, bool Gone);
