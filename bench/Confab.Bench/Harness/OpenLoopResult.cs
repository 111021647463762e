namespace Confab.Bench.Harness;

/// <summary>What happened to the operations one open-loop run scheduled.</summary>
public sealed record OpenLoopResult(int Scheduled, int Succeeded, int Failed, int Unfinished, TimeSpan Elapsed, string? FirstError, LatencySummary SchedulerLag)
{
    public double SucceededPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;
}
