using System.Diagnostics;
using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Reconnect storm: many clients in 10 channels receive messages live, all drop at once,
/// messages are posted while they are away, then all reconnect at once and call
/// <c>Sync</c> from their last contiguous seq while more messages arrive live. Measures how
/// long until every client is back and synced, and checks that every client ends up with
/// every message of its channel.
/// </summary>
public sealed class ReconnectScenario : IScenario
{
    const int Channels = 10;
    const int BeforeDrop = 5;
    const int WhileAway = 20;
    const int DuringStorm = 5;
    const int StormInFlight = 1000;

    public string Name => "reconnect";

    public string Title => "reconnect storm with Sync";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ConfabTarget confab = await context.ConfabAsync();
        IReadOnlyList<BenchUser> users = (await confab.UsersAsync(ConfabScale.Users(context))).Users;
        int clients = context.Quick ? 2_000 : 10_000;
        ScenarioResult result = new(Name, Title);
        result.Parameter("clients", clients);
        result.Parameter("channels", Channels);
        result.Parameter("distinct users", users.Count);
        result.Parameter("messages per channel before drop / while away / during storm", $"{BeforeDrop} / {WhileAway} / {DuringStorm}");
        result.Parameter("reconnects in flight", StormInFlight);

        // User u belongs to channel u mod 10; client i is user i mod users.
        ChannelInfo[] channels = await ChannelSetup.CreateManyAsync(confab.Api, $"storm-{Guid.NewGuid():N}", Channels,
            c => [.. users.Where((_, u) => u % Channels == c)]);
        BenchUser OwnerOf(int c) => users[c];
        int ChannelOf(int client) => client % users.Count % Channels;
        SeqTracker[] trackers = [.. Enumerable.Range(0, clients).Select(_ => new SeqTracker(BeforeDrop + WhileAway + DuringStorm + 1))];
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, clients, i => users[i % users.Count], HubProtocol.Json, (connection, i) =>
        {
            string channelId = channels[ChannelOf(i)].Id;
            connection.On<MessageEvent>("messageCreated", m =>
            {
                if (m.ChannelId == channelId)
                {
                    trackers[i].Receive(m.Seq);
                }
            });
        });

        BenchLog.Write($"connecting {clients} clients");
        await fleet.StartAllAsync(parallelism: 200);
        await PostAsync(confab, channels, OwnerOf, "before", BeforeDrop, TimeSpan.Zero);
        long missedLive = await WaitForAllAsync(trackers, _ => BeforeDrop, TimeSpan.FromSeconds(15));
        result.Add(new Measurement("messages missed live before the drop", missedLive, "messages"));

        BenchLog.Write("dropping every client");
        await fleet.StopAllAsync();
        await PostAsync(confab, channels, OwnerOf, "away", WhileAway, TimeSpan.Zero);

        BenchLog.Write($"reconnecting {clients} clients at once");
        long[] backAt = new long[clients];
        long stormStart = Stopwatch.GetTimestamp();
        Task posting = PostAsync(confab, channels, OwnerOf, "storm", DuringStorm, TimeSpan.FromSeconds(1));
        await fleet.StartAllAsync(StormInFlight, afterStart: async i =>
        {
            await SyncAsync(fleet[i], channels[ChannelOf(i)].Id, trackers[i]);
            backAt[i] = Stopwatch.GetTimestamp();
        });
        TimeSpan allBack = Stopwatch.GetElapsedTime(stormStart, backAt.Max());
        await posting;

        long missed = await WaitForAllAsync(trackers, _ => BeforeDrop + WhileAway + DuringStorm, TimeSpan.FromSeconds(10));
        result.Add(new Measurement("all clients back and synced after", allBack.TotalSeconds, "s", Target: "<= 10"));
        result.Add(new Measurement("clients back and synced per second", clients / allBack.TotalSeconds, "clients/s"));
        result.Add(new Measurement("messages missed after reconnect", missed, "messages", Target: "0"));
        result.Add(new Measurement("duplicates (live and Sync overlapping)", trackers.Sum(t => t.Duplicates), "messages"));
        result.LostMessages += missedLive + missed;
        await footprint.AddToAsync(result);
        return result;
    }

    static async Task SyncAsync(HubConnection connection, string channelId, SeqTracker tracker)
    {
        while (true)
        {
            SyncResult[] results = await connection.InvokeAsync<SyncResult[]>("Sync", new[] { new SyncCursor(channelId, tracker.Contiguous) });
            SyncResult mine = results.Single(r => r.ChannelId == channelId);
            foreach (MessageEvent message in mine.Messages)
            {
                tracker.Receive(message.Seq);
            }

            if (!mine.HasMore || mine.Messages.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>Posts <paramref name="count"/> messages to every channel, spread over <paramref name="spread"/>.</summary>
    static async Task PostAsync(ConfabTarget confab, ChannelInfo[] channels, Func<int, BenchUser> ownerOf, string phase, int count, TimeSpan spread)
    {
        await Parallel.ForAsync(0, channels.Length, async (c, cancellationToken) =>
        {
            for (int n = 0; n < count; n++)
            {
                await confab.Api.PostMessageAsync(ownerOf(c).AccessToken, channels[c].Id, $"{phase} {n}",
                    string.Create(CultureInfo.InvariantCulture, $"{phase}-{n}"));
                await Task.Delay(spread / count, cancellationToken);
            }
        });
    }

    /// <summary>Waits until every tracker holds seqs 1..expected, or the timeout; returns how many are still missing.</summary>
    static async Task<long> WaitForAllAsync(SeqTracker[] trackers, Func<int, long> expected, TimeSpan timeout)
    {
        Stopwatch waited = Stopwatch.StartNew();
        while (true)
        {
            long missing = trackers.Select((t, i) => (long)t.Missing(expected(i))).Sum();
            if (missing == 0 || waited.Elapsed > timeout)
            {
                return missing;
            }

            await Task.Delay(100);
        }
    }
}
