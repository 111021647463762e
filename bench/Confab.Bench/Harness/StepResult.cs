namespace Confab.Bench.Harness;

/// <summary>One load step at one offered rate.</summary>
public sealed record StepResult(double OfferedRate, double AchievedRate, LatencySummary Latency, long Failed, long Lost, string? FirstError = null)
{
    /// <summary>The server's average CPU use during the step, in percent of one core, when it was sampled.</summary>
    public double? ServerCpuPercent { get; init; }

    /// <summary>How late the load generator started operations (p99, ms); it is part of every latency above.</summary>
    public double SchedulerLagP99 { get; init; }

    /// <summary>
    /// Time the load generator's own garbage collector paused it during the step (ms), and how many of its collections
    /// were full (gen2) ones: a pause delays every receipt and reply the generator times, so a step that misses while
    /// its generator paused for long did not necessarily see a slow server.
    /// </summary>
    public double LoadGeneratorGcPauseMs { get; init; }

    public int LoadGeneratorGen2Collections { get; init; }

    /// <summary>
    /// The load generator's own average CPU use during the step, in percent of one core. It shares the machine's cores
    /// with the server, so what it takes, the server cannot have.
    /// </summary>
    public double LoadGeneratorCpuPercent { get; init; }

    /// <summary>Operations still running when the step gave up waiting: too slow to be in the histogram, so the step cannot pass.</summary>
    public long Unfinished { get; init; }

    public bool Passes(double p99LimitMs) => Failed == 0 && Lost == 0 && Unfinished == 0 && Latency.Count > 0 && Latency.P99 <= p99LimitMs;
}
