namespace Confab.Tests.Common;

// The generator's state is shared by the process, so these tests use times in the past: ids made afterwards at
// the real time still sort after them.
public sealed class IdsTests
{
    [Fact]
    public void Ids_made_in_one_millisecond_sort_in_the_order_they_were_made()
    {
        var ids = Enumerable.Range(0, 5000).Select(_ => Ids.New(1_700_000_000_000)).ToList();

        ids.Select(id => id.ToString()).ShouldBe(ids.Select(id => id.ToString()).Order(StringComparer.Ordinal));
        ids.Distinct().Count().ShouldBe(5000);
    }

    [Fact]
    public void Ids_are_version_7_with_their_time_in_front_and_never_go_back_with_the_clock()
    {
        var id = Ids.New(1_700_000_500_000);
        var afterClockStep = Ids.New(1_700_000_400_000);

        id.Version.ShouldBe(7);
        id.Variant.ShouldBeInRange(8, 11);
        Convert.ToInt64(id.ToString("N")[..12], 16).ShouldBeGreaterThanOrEqualTo(1_700_000_500_000);
        afterClockStep.CompareTo(id).ShouldBeGreaterThan(0);
    }
}
