namespace Confab.Bench.Client;

/// <summary>The part of a user the benchmark needs.</summary>
public sealed record UserRef(string Id, string Username);
