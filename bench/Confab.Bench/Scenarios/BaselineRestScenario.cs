using Confab.Bench.Baselines;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>REST baseline: a hello-world JSON minimal API endpoint under the same open-loop ladder as Confab's REST scenarios.</summary>
public sealed class BaselineRestScenario : IScenario
{
    public const string ScenarioName = "baseline-rest";
    public const string Figure = "req/s at p99 <= 25 ms";

    public string Name => ScenarioName;

    public string Title => "hello-world JSON GET on plain Kestrel minimal API";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ScenarioResult result = new(Name, Title);
        bool serverGc = ConfabRuntime.UsesServerGc(context.Options.RepositoryRoot);
        result.Parameter("server GC (as Confab's build)", serverGc);
        await using ChildServer server = await BaselineProcess.StartAsync(context.WorkDirectory, serverGc);
        using HttpClient http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1024 }) { BaseAddress = server.BaseUrl };
        HttpShape shape = HttpShape.Baseline(context.Quick);
        shape.Describe(result);
        Uri hello = new("hello", UriKind.Relative);
        LadderResult ladder = await RateLadder.ClimbAsync(shape.Rates, HttpShape.P99LimitMs, rate => HttpStep.RunAsync(
            rate,
            shape.StepDuration,
            async _ =>
            {
                using HttpResponseMessage response = await http.GetAsync(hello);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            },
            server.Sample), BenchLog.Write, fullRun: !context.Quick);
        LadderReport.Add(result, "req/s", "req/s", ladder);
        return result;
    }
}
