namespace Confab.Bench.Client;

/// <summary>The part of a <c>Channel</c> the benchmark needs.</summary>
public sealed record ChannelInfo(string Id, string? Name, long LastSeq, int MemberCount);
