using Confab.Bench.Baselines;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>Delivery baseline: the raw WebSocket fan-out server with the same members, senders and ladder as Confab's fan-out.</summary>
public sealed class BaselineFanoutScenario : IScenario
{
    public const string ScenarioName = "baseline-ws-fanout";
    public const string Figure = "delivered msg/s at p99 <= 50 ms";
    public const int Members = 1000;
    public const int Senders = 20;
    public const double P99LimitMs = 50;

    // About the size of a messageCreated frame with a 100-character message.
    const int PayloadBytes = 512;

    public string Name => ScenarioName;

    public string Title => "raw Kestrel WebSocket fan-out, 1 channel, 1,000 members";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ScenarioResult result = new(Name, Title);
        bool serverGc = ConfabRuntime.UsesServerGc(context.Options.RepositoryRoot);
        result.Parameter("server GC (as Confab's build)", serverGc);
        await using ChildServer server = await BaselineProcess.StartAsync(context.WorkDirectory, serverGc);
        DeliveryProbe probe = new();
        RawFanoutClient[] clients = new RawFanoutClient[Members];
        await Parallel.ForAsync(0, Members, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            clients[i] = await RawFanoutClient.ConnectAsync(server.BaseUrl, probe, i));
        try
        {
            FanoutShape shape = FanoutShape.For(context.Quick);
            shape.Describe(result, Members, Senders, PayloadBytes);
            int step = 0;
            LadderResult ladder = await RateLadder.ClimbAsync(shape.Rates, P99LimitMs, rate => DeliveryStep.RunAsync(
                probe,
                ++step,
                rate,
                shape.StepDuration,
                Members - 1,
                (intended, i) => clients[i % Senders].SendAsync(DeliveryProbe.PayloadBytes(step, i % Senders, intended, PayloadBytes)),
                server.Sample,
                shape.Drain), BenchLog.Write, fullRun: !context.Quick);
            LadderReport.Add(result, "delivered msg/s", "msg/s", ladder);
            result.Add(new Measurement("server RSS after", server.Sample().RssBytes / 1048576.0, "MiB"));
        }
        finally
        {
            await Parallel.ForEachAsync(clients.Where(c => c is not null), async (c, _) => await c.DisposeAsync());
        }

        return result;
    }
}
