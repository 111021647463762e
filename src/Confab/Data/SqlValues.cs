using System.Text;

namespace Confab.Data;

/// <summary>Values written by hand-made SQL exactly as EF Core stores them, so EF's own queries find them.</summary>
public static class SqlValues
{
    /// <summary>EF Core's SQLite provider keeps a <see cref="Guid"/> as upper-case text in the "D" format.</summary>
    public static string Text(Guid id) => string.Create(36, id, (text, value) =>
    {
        value.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
    });

    public static string? Text(Guid? id) => id is { } value ? Text(value) : null;

    /// <summary>
    /// The ids as a JSON array of their stored text, for <c>json_each</c>: written into one string, since a page's
    /// ids built one string at a time and joined were a seventh of the bytes a history read allocated.
    /// </summary>
    public static string JsonArray<T>(IReadOnlyList<T> items, Func<T, Guid> idOf)
    {
        const int quotedLength = 38;
        return string.Create(Math.Max(2, items.Count * (quotedLength + 1) + 1), (items, idOf), (text, state) =>
        {
            text[0] = '[';
            for (var i = 0; i < state.items.Count; i++)
            {
                var quoted = text.Slice(1 + i * (quotedLength + 1), quotedLength + 1);
                quoted[0] = '"';
                state.idOf(state.items[i]).TryFormat(quoted[1..], out _, "D");
                quoted[quotedLength - 1] = '"';
                quoted[quotedLength] = ',';
            }
            text[^1] = ']';
            Ascii.ToUpperInPlace(text, out _);
        });
    }
}
