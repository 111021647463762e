using System.Globalization;

using Confab.Data;

namespace Confab.Tests.Data;

public sealed class StoredTimeTests
{
    // The layout EF Core's SQLite provider stores times in.
    const string StoredLayout = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public static TheoryData<DateTime> Times => new()
    {
        new DateTime(2026, 11, 26, 16, 2, 20, DateTimeKind.Utc),
        new DateTime(2026, 11, 26, 16, 2, 20, 100, DateTimeKind.Utc),
        new DateTime(2026, 11, 26, 16, 2, 20, 120, DateTimeKind.Utc),
        new DateTime(2026, 11, 26, 16, 2, 20, 123, DateTimeKind.Utc),
        new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void A_stored_time_reads_back_as_the_same_UTC_time(DateTime time)
    {
        var text = time.ToString(StoredLayout, CultureInfo.InvariantCulture);

        StoredTime.TryParse(text, out var read).ShouldBeTrue(text);

        read.ShouldBe(time);
        read.Kind.ShouldBe(DateTimeKind.Utc);
        read.ShouldBe(DateTime.Parse(text, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-26T16:02:20Z")]
    [InlineData("2026-11-26 16:02")]
    [InlineData("2026-13-01 00:00:00")]
    [InlineData("2026-02-29 00:00:00")]
    [InlineData("2026-11-26 24:00:00")]
    [InlineData("2026-11-26 16:02:20.")]
    [InlineData("2026-11-26 16:02:20.12345678")]
    [InlineData("2026-11-26 16:02:20,123")]
    [InlineData("2026-11-26 16:02:+1")]
    [InlineData("+026-11-26 16:02:20")]
    public void Anything_but_the_stored_layout_is_left_to_the_general_parser(string text)
    {
        StoredTime.TryParse(text, out _).ShouldBeFalse();
    }
}
