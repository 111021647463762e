using System.Diagnostics;

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

    /// <summary>
    /// Waits until the Confab server, if one is running, has announced every user whose connections an earlier scenario
    /// closed. Their offline grace (15 s) would otherwise end while this scenario measures, and announcing a few
    /// thousand users costs the server more than a light load: REST post scored 158 req/s in a full run where it did.
    /// Not in --quick, whose figures are not compared. Returns how long it waited, or null when it did not.
    /// </summary>
    public async Task<TimeSpan?> AwaitOfflineAnnouncementsAsync()
    {
        if (_confab is null || Quick)
        {
            return null;
        }

        // The server counts a closed connection a moment after the client has closed it, and the metrics endpoint serves
        // a cached scrape for a fraction of a second: a first read at once could see none pending.
        Stopwatch waited = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(1));
        while (waited.Elapsed < OfflineAnnouncementsCap
            && ServerMetrics.PendingOfflineAnnouncements(await _confab.MetricsAsync()) > 0)
        {
            await Task.Delay(250);
        }

        return waited.Elapsed;
    }

    static readonly TimeSpan OfflineAnnouncementsCap = TimeSpan.FromSeconds(60);

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
