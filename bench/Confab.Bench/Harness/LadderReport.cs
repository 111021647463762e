using System.Globalization;

namespace Confab.Bench.Harness;

/// <summary>Turns a rate ladder into the figures a scenario reports.</summary>
public static class LadderReport
{
    /// <summary>
    /// Adds "<paramref name="label"/> at p99 &lt;= limit" (the best passing step's achieved rate,
    /// 0 when none passed) with its latency, the server's and the load generator's CPU during it,
    /// and the first step that missed.
    /// </summary>
    /// <param name="figure">What a step's rate is in the reported unit; its achieved rate unless given.</param>
    public static void Add(
        ScenarioResult result, string label, string unit, LadderResult ladder, Measurement? baseline = null, string? target = null, Func<StepResult, double>? figure = null)
    {
        figure ??= s => s.AchievedRate;
        string limit = ladder.P99LimitMs.ToString("0.#", CultureInfo.InvariantCulture);
        StepResult? best = ladder.Best;
        result.Add(new Measurement($"{label} at p99 <= {limit} ms", best is null ? 0 : figure(best), unit, baseline?.Value, baseline is null ? null : baseline.Name, target));
        if (best is not null)
        {
            result.AddRange(best.Latency.ToMeasurements($"{label} latency at that rate"));
            if (best.ServerCpuPercent is { } cpu)
            {
                result.Add(new Measurement($"{label} server CPU at that rate", cpu, "% of a core"));
            }

            result.Add(new Measurement($"{label} load generator CPU at that rate", best.LoadGeneratorCpuPercent, "% of a core"));
        }

        if (ladder.FirstMiss is { } miss)
        {
            result.Add(new Measurement($"{label} next step: achieved", figure(miss), unit));
            result.Add(new Measurement($"{label} next step: p99", miss.Latency.P99, "ms"));
        }

        result.Absorb(label, ladder);
    }
}
