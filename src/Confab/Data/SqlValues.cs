namespace Confab.Data;

/// <summary>Values written by hand-made SQL exactly as EF Core stores them, so EF's own queries find them.</summary>
public static class SqlValues
{
    /// <summary>EF Core's SQLite provider keeps a <see cref="Guid"/> as upper-case text in the "D" format.</summary>
    public static string Text(Guid id) => id.ToString("D").ToUpperInvariant();

    public static string? Text(Guid? id) => id is { } value ? Text(value) : null;
}
