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
}
