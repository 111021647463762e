using System.Text;

namespace Confab.Data;

/// <summary>Values written by hand-made SQL exactly as EF Core stores them, so EF's own queries find them.</summary>
public static class SqlValues
{
    const int TextLength = 36;

    public static string Text(Guid id) => string.Create(TextLength, id, (text, value) => Write(value, text));

    public static string? Text(Guid? id) => id is { } value ? Text(value) : null;

    /// <summary>
    /// The ids as a JSON array of their stored text, for <c>json_each</c>: written into one string, since a page's
    /// ids built one string at a time and joined were a seventh of the bytes a history read allocated.
    /// </summary>
    public static string JsonArray<T>(IReadOnlyList<T> items, Func<T, Guid> idOf)
    {
        const int elementLength = TextLength + 3; // quotes and the comma after it
        return string.Create(Math.Max(2, items.Count * elementLength + 1), (items, idOf), (text, state) =>
        {
            text[0] = '[';
            for (var i = 0; i < state.items.Count; i++)
            {
                var element = text.Slice(1 + i * elementLength, elementLength);
                element[0] = '"';
                Write(state.idOf(state.items[i]), element.Slice(1, TextLength));
                element[^2] = '"';
                element[^1] = ',';
            }
            text[^1] = ']';
        });
    }

    /// <summary>EF Core's SQLite provider keeps a <see cref="Guid"/> as upper-case text in the "D" format.</summary>
    static void Write(Guid id, Span<char> text)
    {
        id.TryFormat(text, out _, "D");
        Ascii.ToUpperInPlace(text, out _);
    }
}
