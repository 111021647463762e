namespace Confab.Bench.Scenarios;

/// <summary>The load ladder fan-out runs on, shared by the raw baseline and Confab so their figures compare.</summary>
public sealed record FanoutShape(IReadOnlyList<double> Rates, TimeSpan StepDuration, TimeSpan Drain)
{
    public static FanoutShape For(bool quick) => quick
        ? new FanoutShape([10, 50, 200, 600], TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4))
        : new FanoutShape(Harness.Rates.Geometric(5, 1.4, 2000), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    public void Describe(Harness.ScenarioResult result, int members, int senders, int payload)
    {
        result.Parameter("members connected", members);
        result.Parameter("senders", senders);
        result.Parameter("message bytes", payload);
        result.Parameter("inbound rates tried (msg/s)", string.Join(' ', Rates));
        result.Parameter("step seconds", StepDuration.TotalSeconds);
    }
}
