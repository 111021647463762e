using Confab.Common;

namespace Confab.Messages;

public static class MessageRules
{
    public const int MaxContentLength = 4000;
    public const int MaxEmojiLength = 64;

    /// <summary>Content as stored: trimmed, after the same checks REST validation makes, so the hub gets them too.</summary>
    public static string Content(string? content)
    {
        if (content is null)
            throw ConfabError.Validation("content", "content is required.");
        if (TextAttribute.Check(content, 1, MaxContentLength) is { } error)
            throw ConfabError.Validation("content", error);
        return content.Trim();
    }

    public static string ClientMessageId(string? clientMessageId) => clientMessageId switch
    {
        null => throw ConfabError.Validation("clientMessageId", "clientMessageId is required."),
        _ => OptionalClientMessageId(clientMessageId)!,
    };

    public static string? OptionalClientMessageId(string? clientMessageId)
    {
        if (clientMessageId is null)
            return null;
        if (TextAttribute.Check(clientMessageId, 1, 64) is { } error)
            throw ConfabError.Validation("clientMessageId", error);
        return clientMessageId.Trim();
    }

    public static string Emoji(string emoji)
    {
        if (string.IsNullOrEmpty(emoji) || emoji.Length > MaxEmojiLength
            || emoji.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/'))
            throw ConfabError.Validation("emoji", $"An emoji is 1 to {MaxEmojiLength} characters without spaces or control characters.");
        return emoji;
    }
}
