using System.Buffers.Text;
using System.Text;

namespace Confab.Common;

/// <summary>Keyset paging rules shared by every list endpoint.</summary>
public static class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The contract's limit rule: default 50, above 200 is 200, below 1 is a 400.</summary>
    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 => throw ConfabError.Validation("limit", "limit must be at least 1."),
        > MaxLimit => MaxLimit,
        _ => limit.Value,
    };

    public static string EncodeCursor(string value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));

    public static string? DecodeCursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw ConfabError.BadRequest("The cursor is malformed.");
        }
    }

    public static Guid? DecodeIdCursor(string? cursor) =>
        DecodeCursor(cursor) is not { } text ? null
        : Guid.TryParse(text, out var id) ? id
        : throw ConfabError.BadRequest("The cursor is malformed.");
}
