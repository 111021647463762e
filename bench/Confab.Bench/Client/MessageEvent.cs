using MessagePack;

namespace Confab.Bench.Client;

/// <summary>
/// The part of a <c>Message</c> the benchmark needs, as REST returns it and as the hub sends
/// it in <c>messageCreated</c>. The keys name the camelCase fields for the MessagePack protocol.
/// </summary>
[MessagePackObject]
public sealed record MessageEvent(
    [property: Key("id")] string Id,
    [property: Key("channelId")] string ChannelId,
    [property: Key("seq")] long Seq,
    [property: Key("content")] string Content);
