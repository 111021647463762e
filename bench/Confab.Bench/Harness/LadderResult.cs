namespace Confab.Bench.Harness;

/// <summary>The steps a <see cref="RateLadder"/> ran and the best one that kept its p99 limit.</summary>
public sealed record LadderResult(StepResult? Best, IReadOnlyList<StepResult> Steps, double P99LimitMs)
{
    public long Failed => Steps.Sum(s => s.Failed);

    public long Lost => Steps.Sum(s => s.Lost);

    /// <summary>The last step run, when it missed the limit: it shows where the knee is.</summary>
    public StepResult? FirstMiss => Steps.Count > 0 && !Steps[^1].Passes(P99LimitMs) ? Steps[^1] : null;
}
