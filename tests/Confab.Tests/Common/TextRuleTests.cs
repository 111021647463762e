namespace Confab.Tests.Common;

public sealed class TextRuleTests
{
    [Theory]
    [InlineData("a", 1, 3)]
    [InlineData("  abc  ", 1, 3)]
    [InlineData("line\nbreak\tand tab", 1, 40)]
    [InlineData("😀😀😀", 1, 3)]
    [InlineData("", 0, 3)]
    [InlineData("é\u0301", 1, 2)]
    public void Text_within_its_length_in_code_points_after_trimming_is_fine(string text, int min, int max) =>
        TextAttribute.Check(text, min, max).ShouldBeNull();

    [Theory]
    [InlineData("", 1, 3)]
    [InlineData("   ", 1, 3)]
    [InlineData("\n\t", 1, 3)]
    [InlineData("abcd", 1, 3)]
    [InlineData("😀😀😀😀", 1, 3)]
    public void Text_outside_its_length_is_refused(string text, int min, int max) =>
        TextAttribute.Check(text, min, max).ShouldBe($"Must be {min} to {max} characters long after trimming.");

    [Theory]
    [InlineData("\0")]
    [InlineData("bell\a")]
    [InlineData("carriage\rreturn")]
    [InlineData("escape\u001b[0m")]
    [InlineData("delete\u007f")]
    [InlineData("c1 control\u0085")]
    public void Control_characters_other_than_newline_and_tab_are_refused(string text) =>
        TextAttribute.Check(text, 1, 100).ShouldBe("Control characters other than newline and tab are not allowed.");
}
