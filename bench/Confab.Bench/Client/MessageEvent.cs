namespace Confab.Bench.Client;

/// <summary>The part of a <c>Message</c> the benchmark needs, as REST returns it and as the hub sends it in <c>messageCreated</c>.</summary>
public sealed record MessageEvent(string Id, string ChannelId, long Seq, string Content);
