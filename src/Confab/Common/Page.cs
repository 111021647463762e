namespace Confab.Common;

/// <summary>One page of a keyset-paginated list.</summary>
/// <param name="Items">The items of this page.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null on the last one.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class Page
{
    /// <summary>Builds a page from up to <paramref name="limit"/> + 1 rows; the extra row only says there is more.</summary>
    public static Page<T> From<T>(IReadOnlyList<T> rows, int limit, Func<T, string> cursorOf) =>
        rows.Count > limit
            ? new Page<T>(rows.Take(limit).ToList(), cursorOf(rows[limit - 1]))
            : new Page<T>(rows, null);
}
