using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>One benchmark scenario: sets up its load, runs it, and reports what it measured.</summary>
public interface IScenario
{
    string Name { get; }

    string Title { get; }

    Task<ScenarioResult> RunAsync(BenchContext context);
}
