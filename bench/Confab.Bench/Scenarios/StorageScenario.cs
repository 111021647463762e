using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Storage: messages durably stored per second through the whole server (hub
/// <c>SendMessage</c> returns after the commit), one in flight and many in flight, each
/// sender in a channel of its own so nothing fans out. Compared with raw SQLite inserts of
/// the same rows: the ratio is what EF Core and the server's layers cost over the database.
/// </summary>
public sealed class StorageScenario : IScenario
{
    const int ManyInFlight = 32;

    public string Name => "storage";

    public string Title => "messages stored per second, through the server";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        Measurement rawFull = await context.BaselineAsync(BaselineStorageScenario.ScenarioName, BaselineStorageScenario.SingleFull);
        Measurement rawNormal = await context.BaselineAsync(BaselineStorageScenario.ScenarioName, BaselineStorageScenario.SingleNormal);
        ConfabTarget confab = await context.ConfabAsync();
        BenchUser[] users = [.. (await confab.UsersAsync(ManyInFlight)).Users.Take(ManyInFlight)];
        ChannelInfo[] channels = await ChannelSetup.CreateManyAsync(confab.Api, $"store-{Guid.NewGuid():N}", ManyInFlight, c => [users[c]]);
        TimeSpan duration = TimeSpan.FromSeconds(context.Quick ? 3 : 10);
        ScenarioResult result = new(Name, Title);
        result.Parameter("seconds per run", duration.TotalSeconds);
        result.Parameter("path", "hub SendMessage, JSON, one channel per sender, no other members");
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, ManyInFlight, i => users[i], HubProtocol.Json, (_, _) => { });
        await fleet.StartAllAsync(parallelism: ManyInFlight);
        string content = new('x', 100);

        foreach (int inFlight in new[] { 1, ManyInFlight })
        {
            (double perSecond, LatencySummary latency) = await ClosedLoop.RunAsync(inFlight, duration, (worker, n) =>
                fleet[worker].InvokeAsync<MessageEvent>("SendMessage", channels[worker].Id, content,
                    string.Create(CultureInfo.InvariantCulture, $"s{inFlight}-{worker}-{n}"), null));
            BenchLog.Write($"{inFlight} in flight: {perSecond:0} stored/s, p99 {latency.P99:0.##} ms");
            string label = $"Confab stored msg/s, {inFlight} in flight";
            result.Add(new Measurement(label, perSecond, "msg/s", rawFull.Value, rawFull.Name, inFlight == 1 ? ">= 4000" : null));
            result.Add(new Measurement($"{label} (vs synchronous=NORMAL)", perSecond, "msg/s", rawNormal.Value, rawNormal.Name));
            result.AddRange(latency.ToMeasurements($"SendMessage, {inFlight} in flight"));
        }

        await footprint.AddToAsync(result);
        return result;
    }
}
