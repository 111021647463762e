using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>The request-rate ladder the REST scenarios and their hello-world baseline run on.</summary>
public sealed record HttpShape(IReadOnlyList<double> Rates, TimeSpan StepDuration)
{
    public const double P99LimitMs = 25;

    /// <summary>The hello-world baseline's ladder: it starts where a real endpoint's would stop.</summary>
    public static HttpShape Baseline(bool quick) => quick
        ? new HttpShape([1000, 4000, 12000], TimeSpan.FromSeconds(1.5))
        : new HttpShape(Harness.Rates.Geometric(500, 1.3, 40000), TimeSpan.FromSeconds(4));

    /// <summary>Confab's REST ladder, from a rate any server should hold.</summary>
    public static HttpShape Confab(bool quick) => quick
        ? new HttpShape([100, 300, 1000, 3000, 6000], TimeSpan.FromSeconds(1.5))
        : new HttpShape(Harness.Rates.Geometric(100, 1.3, 40000), TimeSpan.FromSeconds(4));

    public void Describe(ScenarioResult result)
    {
        result.Parameter("request rates tried (req/s)", string.Join(' ', Rates));
        result.Parameter("step seconds", StepDuration.TotalSeconds);
        result.Parameter("client", "HttpClient, HTTP/1.1, pooled keep-alive connections");
    }
}
