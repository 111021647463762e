namespace Confab.Bench.Harness;

/// <summary>Percentiles of one latency histogram, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P99, double P999, double Max)
{
    /// <summary>The four figures every latency is reported with, named after <paramref name="prefix"/>.</summary>
    public IEnumerable<Measurement> ToMeasurements(string prefix, double? p99Target = null)
    {
        yield return new Measurement($"{prefix} p50", P50, "ms");
        yield return new Measurement($"{prefix} p99", P99, "ms", Target: p99Target is { } t ? $"<= {t}" : null);
        yield return new Measurement($"{prefix} p99.9", P999, "ms");
        yield return new Measurement($"{prefix} max", Max, "ms");
    }
}
