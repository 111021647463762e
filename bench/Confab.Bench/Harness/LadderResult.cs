namespace Confab.Bench.Harness;

/// <summary>
/// The steps a <see cref="RateLadder"/> ran, the best one that kept its p99 limit, and the
/// lowest rate above it that missed, which shows where the knee is.
/// </summary>
public sealed record LadderResult(StepResult? Best, StepResult? FirstMiss, IReadOnlyList<StepResult> Steps, double P99LimitMs)
{
    public long Failed => Steps.Sum(s => s.Failed);

    public long Lost => Steps.Sum(s => s.Lost);
}
