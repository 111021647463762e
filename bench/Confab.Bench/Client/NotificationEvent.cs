namespace Confab.Bench.Client;

/// <summary>The part of a <c>Notification</c> the benchmark needs.</summary>
public sealed record NotificationEvent(string Id, string Type, string? ChannelId, string? MessageId);
