namespace Confab.Bench.Client;

/// <summary>The part of a <c>Notification</c> the benchmark needs: which message it is about.</summary>
public sealed record NotificationEvent(string Id, string? ChannelId, string? MessageId);
