using Confab.Bench.Harness;

namespace Confab.Bench.Client;

/// <summary>What a scenario cost the Confab server: CPU over the scenario, and memory at its end.</summary>
public sealed class ServerFootprint
{
    readonly ConfabTarget _target;
    readonly ProcessSample? _start;

    ServerFootprint(ConfabTarget target)
    {
        _target = target;
        _start = target.Sample();
    }

    public static ServerFootprint Begin(ConfabTarget target) => new(target);

    public async Task AddToAsync(ScenarioResult result)
    {
        if (_target.Sample() is { } end && _start is not null)
        {
            result.Add(new Measurement("server CPU over the scenario", end.CpuPercentSince(_start), "% of a core"));
            result.Add(new Measurement("server RSS at end", end.RssBytes / 1048576.0, "MiB"));
        }

        if (ServerMetrics.ManagedHeapBytes(await _target.MetricsAsync()) is { } heap)
        {
            result.Add(new Measurement("server managed heap at end (/metrics)", heap / 1048576.0, "MiB"));
        }
    }
}
