using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>
/// Finds the highest offered rate whose p99 stays within a limit by climbing a list of
/// rates and stopping at the first step that misses it (or errors, or loses messages).
/// A warm-up step at the first rate goes before and is not counted: it pays for JIT,
/// connection pools and caches, which a running server has already paid for.
/// </summary>
public static class RateLadder
{
    /// <summary>
    /// Halvings of the gap between the last rate that held and the first that missed: the
    /// ladder's rates are about 1.3 apart, and two geometric midpoints narrow that to 1.07.
    /// </summary>
    const int RefineSteps = 2;

    public static async Task<LadderResult> ClimbAsync(
        IReadOnlyList<double> rates,
        double p99LimitMs,
        Func<double, Task<StepResult>> runStep,
        Action<string> log,
        bool fullRun = false)
    {
        StepResult warmup = await runStep(rates[0]);
        log($"warm-up at {rates[0]:0.#}/s: p99 {warmup.Latency.P99:0.##} ms, failed {warmup.Failed}, lost {warmup.Lost}");
        List<StepResult> steps = [];

        // In a full run a rate that misses is tried once more: on a shared two-core machine
        // one noisy step should not end the climb. Both attempts are kept and reported.
        async Task<StepResult> TryRateAsync(double rate)
        {
            StepResult step = await RunLoggedAsync(rate, runStep, log, steps);
            return fullRun && !step.Passes(p99LimitMs) && step.Failed == 0 && step.Lost == 0
                ? await RunLoggedAsync(rate, runStep, log, steps)
                : step;
        }

        StepResult? best = null;
        StepResult? miss = null;
        foreach (double rate in rates)
        {
            StepResult step = await TryRateAsync(rate);
            if (!step.Passes(p99LimitMs))
            {
                miss = step;
                break;
            }

            best = step;
        }

        if (fullRun && best is not null && miss is { Failed: 0, Lost: 0 })
        {
            for (int i = 0; i < RefineSteps; i++)
            {
                StepResult step = await TryRateAsync(Math.Sqrt(best.OfferedRate * miss.OfferedRate));
                if (step.Passes(p99LimitMs))
                {
                    best = step;
                }
                else
                {
                    miss = step;
                }
            }
        }

        return new LadderResult(best, miss, steps, p99LimitMs);
    }

    static async Task<StepResult> RunLoggedAsync(double rate, Func<double, Task<StepResult>> runStep, Action<string> log, List<StepResult> steps)
    {
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        int gen2Before = GC.CollectionCount(2);
        TimeSpan cpuBefore = Environment.CpuUsage.TotalTime;
        long startedAt = Stopwatch.GetTimestamp();
        StepResult step = await runStep(rate) with
        {
            LoadGeneratorGcPauseMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds,
            LoadGeneratorGen2Collections = GC.CollectionCount(2) - gen2Before,
            LoadGeneratorCpuPercent = 100 * (Environment.CpuUsage.TotalTime - cpuBefore) / Stopwatch.GetElapsedTime(startedAt),
        };
        steps.Add(step);
        log($"step {rate:0.#}/s: achieved {step.AchievedRate:0.#}/s, p50 {step.Latency.P50:0.##} ms, "
            + $"p99 {step.Latency.P99:0.##} ms, max {step.Latency.Max:0.##} ms, failed {step.Failed}, unfinished {step.Unfinished}, lost {step.Lost}, "
            + $"server CPU {step.ServerCpuPercent:0}%, load generator CPU {step.LoadGeneratorCpuPercent:0}%, scheduler lag p99 {step.SchedulerLagP99:0.##} ms, "
            + $"load generator GC paused {step.LoadGeneratorGcPauseMs:0} ms ({step.LoadGeneratorGen2Collections} gen2)"
            + (step.FirstError is null ? "" : $", first error: {step.FirstError}"));
        return step;
    }
}
