using System.Diagnostics;

using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Idle connections: opens 20,000 hub connections in stages and reads the server's memory at
/// 2k, 5k, 10k and 20k; the least-squares slope between them is the memory one more idle
/// connection costs. Then the CPU the idle connections cost (keep-alive pings) is sampled.
/// </summary>
public sealed class IdleScenario : IScenario
{
    const int Wanted = 20_000;

    public string Name => "idle";

    public string Title => "idle hub connections: memory per connection";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ConfabTarget confab = await context.ConfabAsync();
        IReadOnlyList<BenchUser> users = (await confab.UsersAsync(ConfabScale.Users(context))).Users;
        ScenarioResult result = new(Name, Title);

        // Both this process and the server need a descriptor per connection, and neither may
        // raise its hard limit without CAP_SYS_RESOURCE; what does not fit is reported, not faked.
        int held = (int)Math.Min(Wanted, FileLimit.Current is 0 ? Wanted : (long)FileLimit.Current - 1_500);
        int[] checkpoints = [2_000, 5_000, 10_000, held];
        result.Parameter("connections", held);
        result.Parameter("open files limit (hard, per process)", FileLimit.Current);
        result.Parameter("checkpoints", string.Join(' ', checkpoints));
        result.Parameter("distinct users", users.Count);
        TimeSpan settle = TimeSpan.FromSeconds(context.Quick ? 1 : 3);
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, checkpoints[^1], i => users[i % users.Count], HubProtocol.Json, (_, _) => { });
        List<(double Connections, double Rss, double? Heap)> points = [];
        int open = 0;

        // --quick must end in two minutes even against a server that connects slowly.
        TimeSpan budget = TimeSpan.FromSeconds(context.Quick ? 22 : 300);
        Stopwatch connecting = Stopwatch.StartNew();
        foreach (int checkpoint in checkpoints.TakeWhile(_ => connecting.Elapsed < budget))
        {
            (int started, double rate) = await fleet.StartAsync(open, checkpoint, parallelism: 200, deadline: budget > connecting.Elapsed ? budget - connecting.Elapsed : TimeSpan.Zero);
            open += started;
            await Task.Delay(settle);
            ProcessSample? sample = confab.Sample();
            double? heap = ServerMetrics.ManagedHeapBytes(await confab.MetricsAsync());
            BenchLog.Write($"{open} connections open (last stage at {rate:0}/s): server RSS {sample?.RssBytes / 1048576.0:0} MiB");
            if (sample is not null)
            {
                points.Add((open, sample.RssBytes, heap));
            }
        }

        result.Add(new Measurement("connections held", open, "connections", Target: ">= 20000"));
        if (open < held)
        {
            result.Parameter("stopped early", $"the {budget.TotalSeconds} s connect budget ran out at {open} connections");
        }

        if (points.Count >= 2)
        {
            result.Add(new Measurement($"server RSS per idle connection (slope 2k..{open / 1000.0:0.#}k)", Slope(points.Select(p => (p.Connections, p.Rss))) / 1024, "KB", Target: "<= 40"));
            result.Add(new Measurement($"server RSS with {open} connections", points[^1].Rss / 1048576.0, "MiB"));
            if (points.All(p => p.Heap is not null))
            {
                result.Add(new Measurement("server managed heap per idle connection (slope)", Slope(points.Select(p => (p.Connections, p.Heap!.Value))) / 1024, "KB"));
            }

            ProcessSample idleStart = confab.Sample()!;
            await Task.Delay(TimeSpan.FromSeconds(context.Quick ? 2 : 10));
            result.Add(new Measurement($"server CPU holding {open} idle connections", confab.Sample()!.CpuPercentSince(idleStart), "% of a core"));
        }

        await footprint.AddToAsync(result);
        return result;
    }

    static double Slope(IEnumerable<(double X, double Y)> points)
    {
        (double X, double Y)[] p = [.. points];
        double meanX = p.Average(q => q.X);
        double meanY = p.Average(q => q.Y);
        return p.Sum(q => (q.X - meanX) * (q.Y - meanY)) / p.Sum(q => (q.X - meanX) * (q.X - meanX));
    }
}
