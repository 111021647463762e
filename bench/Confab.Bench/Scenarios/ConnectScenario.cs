using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>Connect rate: new authenticated hub connections per second, 100 handshakes in flight.</summary>
public sealed class ConnectScenario : IScenario
{
    const int InFlight = 100;

    public string Name => "connect";

    public string Title => "new authenticated hub connections per second";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ConfabTarget confab = await context.ConfabAsync();
        UserPool pool = await confab.UsersAsync(ConfabScale.Users(context));
        int count = context.Quick ? 2_000 : 10_000;
        ScenarioResult result = new(Name, Title);
        result.Parameter("connections", count);
        result.Parameter("handshakes in flight", InFlight);
        result.Parameter("distinct users", pool.Users.Count);
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, count, i => pool.Users[i % pool.Users.Count], HubProtocol.Json, (_, _) => { });
        Latency connectTime = new();
        double rate = await fleet.StartAllAsync(InFlight, connectTime);
        result.Add(new Measurement("hub connections/s", rate, "conn/s", Target: ">= 2000"));
        result.AddRange(connectTime.Summarize().ToMeasurements("connect time"));
        if (pool.RegistrationsPerSecond > 0)
        {
            result.Add(new Measurement("registrations/s (setup, 8 in flight)", pool.RegistrationsPerSecond, "req/s"));
        }

        await footprint.AddToAsync(result);
        return result;
    }
}
