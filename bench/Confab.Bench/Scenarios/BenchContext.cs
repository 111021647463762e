using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>
/// What scenarios share within one run: the options, the results so far (baselines are run
/// on demand, once, so every ratio compares figures from the same run), and the Confab
/// server with its registered users.
/// </summary>
public sealed class BenchContext(BenchOptions options, Func<string, Task<ScenarioResult>> runScenario) : IAsyncDisposable
{
    ConfabTarget? _confab;

    public BenchOptions Options { get; } = options;

    public bool Quick => Options.Quick;

    public string WorkDirectory { get; } = Directory.CreateTempSubdirectory("confab-bench-").FullName;

    public Dictionary<string, ScenarioResult> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>The result of another scenario in this run, running it first if it has not run yet.</summary>
    public async Task<ScenarioResult> RequireAsync(string scenario) =>
        Results.TryGetValue(scenario, out ScenarioResult? done) ? done : await runScenario(scenario);

    /// <summary>A baseline figure of this run, for the ratio of a Confab figure to it.</summary>
    public async Task<Measurement> BaselineAsync(string scenario, string measurement)
    {
        ScenarioResult result = await RequireAsync(scenario);
        Measurement found = result.Find(measurement)
            ?? throw new InvalidOperationException($"baseline {scenario} has no measurement '{measurement}'");
        return found with { Name = $"{scenario}: {found.Name}" };
    }

    public async Task<ConfabTarget> ConfabAsync() =>
        _confab ??= await ConfabTarget.StartAsync(Options, WorkDirectory);

    public async ValueTask DisposeAsync()
    {
        if (_confab is not null)
        {
            await _confab.DisposeAsync();
        }
    }
}
