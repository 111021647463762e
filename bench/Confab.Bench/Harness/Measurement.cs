namespace Confab.Bench.Harness;

/// <summary>One reported figure, with the baseline it is compared to when there is one.</summary>
public sealed record Measurement(
    string Name,
    double Value,
    string Unit,
    double? Baseline = null,
    string? BaselineName = null,
    string? Target = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}
