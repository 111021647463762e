using System.Text.RegularExpressions;

namespace Confab.Messages;

/// <summary>What a message's text mentions: <c>@username</c>s and <c>@channel</c>.</summary>
public sealed partial record Mentions(IReadOnlySet<string> Usernames, bool Channel)
{
    public const string ChannelKeyword = "channel";

    // '@' starts a mention only at the start or after a character that cannot be part of an address or a word, and
    // the name must end there too: a longer run of name characters is not a mention of its first 32.
    [GeneratedRegex(@"(?<![\w.@-])@([A-Za-z0-9._-]{3,32})(?![\w-]|\.[\w-])")]
    private static partial Regex Pattern();

    public static Mentions Parse(string content)
    {
        var usernames = new HashSet<string>(StringComparer.Ordinal);
        var channel = false;
        foreach (Match match in Pattern().Matches(content))
        {
            // Sentence punctuation after a mention ("thanks @ann.") is not part of the name.
            var name = match.Groups[1].Value.ToLowerInvariant().TrimEnd('.', '-');
            if (name == ChannelKeyword)
                channel = true;
            else if (name.Length >= 3)
                usernames.Add(name);
        }
        return new Mentions(usernames, channel);
    }
}
