namespace Confab.Bench.Client;

/// <summary>A keyset-paginated list reply.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
