using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Storage: messages durably stored per second through the whole server (<c>POST
/// /api/channels/{id}/messages</c> answers after the commit; the hub's <c>SendMessage</c> runs
/// the same service), one in flight and many in flight, each sender in a channel of its own
/// so nothing fans out. Compared with raw SQLite inserts of
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
        TimeSpan duration = TimeSpan.FromSeconds(context.Quick ? 2 : 10);
        ScenarioResult result = new(Name, Title);
        result.Parameter("seconds per run", duration.TotalSeconds);
        result.Parameter("path", "REST POST message, one channel per sender, no other members");
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        string content = new('x', 100);

        // Warm-up, not counted: the server's first requests run unoptimized (tiered JIT) code.
        await ClosedLoop.RunAsync(ManyInFlight, TimeSpan.FromSeconds(1), (worker, n) =>
            confab.Api.PostMessageAsync(users[worker].AccessToken, channels[worker].Id, content,
                string.Create(CultureInfo.InvariantCulture, $"warm-{worker}-{n}")));

        foreach (int inFlight in new[] { 1, ManyInFlight })
        {
            (double perSecond, LatencySummary latency) = await ClosedLoop.RunAsync(inFlight, duration, (worker, n) =>
                confab.Api.PostMessageAsync(users[worker].AccessToken, channels[worker].Id, content,
                    string.Create(CultureInfo.InvariantCulture, $"s{inFlight}-{worker}-{n}")));
            BenchLog.Write($"{inFlight} in flight: {perSecond:0} stored/s, p99 {latency.P99:0.##} ms");
            string label = $"Confab stored msg/s, {inFlight} in flight";
            result.Add(new Measurement(label, perSecond, "msg/s", rawFull.Value, rawFull.Name, inFlight == 1 ? ">= 4000" : null));
            result.Add(new Measurement($"{label} (vs synchronous=NORMAL)", perSecond, "msg/s", rawNormal.Value, rawNormal.Name));
            result.AddRange(latency.ToMeasurements($"POST message, {inFlight} in flight"));
        }

        await footprint.AddToAsync(result);
        return result;
    }
}
