namespace Confab.Tests.Messages;

public sealed class MentionParsingTests
{
    [Theory]
    [InlineData("@ann hi", new[] { "ann" })]
    [InlineData("hi @Ann and @BOB", new[] { "ann", "bob" })]
    [InlineData("thanks @ann.", new[] { "ann" })]
    [InlineData("wait for @ann...", new[] { "ann" })]
    [InlineData("(@ann) [@bob], @cid: @dan! @eve?", new[] { "ann", "bob", "cid", "dan", "eve" })]
    [InlineData("@ann,@bob", new[] { "ann", "bob" })]
    [InlineData("@first.last and @under_score and @da-sh", new[] { "first.last", "under_score", "da-sh" })]
    [InlineData("@ann-", new[] { "ann" })]
    [InlineData("line one\n@ann\ttabbed", new[] { "ann" })]
    [InlineData("@ann @ann @ANN", new[] { "ann" })]
    [InlineData("mail bob@example.com", new string[0])]
    [InlineData("no@ann and x.@ann and -@ann", new string[0])]
    [InlineData("@@ann", new string[0])]
    [InlineData("@ab is too short", new string[0])]
    [InlineData("@ a space", new string[0])]
    [InlineData("@", new string[0])]
    [InlineData("", new string[0])]
    [InlineData("@abcdefghijklmnopqrstuvwxyz0123456789 is longer than any username", new string[0])]
    [InlineData("@annä is someone else", new string[0])]
    [InlineData("@ann.ä is someone else", new string[0])]
    public void Usernames_are_found_where_a_person_would_see_a_mention(string content, string[] usernames)
    {
        var mentions = Mentions.Parse(content);

        mentions.Usernames.Order(StringComparer.Ordinal).ShouldBe(usernames.Order(StringComparer.Ordinal));
        mentions.Channel.ShouldBeFalse();
    }

    [Theory]
    [InlineData("@channel", true)]
    [InlineData("hey @Channel!", true)]
    [InlineData("@channel.", true)]
    [InlineData("@channels", false)]
    [InlineData("#channel", false)]
    [InlineData("x@channel", false)]
    public void At_channel_is_a_keyword_not_a_username(string content, bool channel)
    {
        var mentions = Mentions.Parse(content);

        mentions.Channel.ShouldBe(channel);
        mentions.Usernames.ShouldNotContain("channel");
    }

    [Fact]
    public void A_username_of_exactly_32_characters_is_a_mention()
    {
        var name = new string('a', 32);

        Mentions.Parse($"hi @{name}!").Usernames.ShouldBe([name]);
        Mentions.Parse($"thanks @{name}.").Usernames.ShouldBe([name]);
        Mentions.Parse($"@{name}.x").Usernames.ShouldBeEmpty();
    }
}
