using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Scenarios;

/// <summary>
/// @channel in a big channel: the owner posts <c>@channel</c> messages over REST at a fixed
/// rate while every member is connected. Reports the post latency (the server creates a
/// mention notification for every member) and the time until each member's
/// <c>notificationCreated</c> arrives, both from the intended send time.
/// </summary>
public sealed class AtChannelScenario : IScenario
{
    const double PostsPerSecond = 2;
    const int WarmUpPosts = 3;
    const double P99LimitMs = 100;

    public string Name => "at-channel";

    public string Title => "@channel in a 1,000-member channel";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ConfabTarget confab = await context.ConfabAsync();
        (ChannelInfo channel, IReadOnlyList<BenchUser> members) = await confab.BigChannelAsync(ConfabScale.BigChannelMembers(context));
        TimeSpan duration = TimeSpan.FromSeconds(context.Quick ? 4 : 20);
        ScenarioResult result = new(Name, Title);
        result.Parameter("members (one connection each)", members.Count);
        result.Parameter("posts per second", PostsPerSecond);
        result.Parameter("seconds", duration.TotalSeconds);

        ConcurrentQueue<(string? MessageId, long At)> arrivals = new();
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, members.Count, i => members[i], HubProtocol.Json, (connection, _) =>
            connection.On<NotificationEvent>("notificationCreated", n => arrivals.Enqueue((n.MessageId, Stopwatch.GetTimestamp()))));
        BenchLog.Write($"connecting {members.Count} members");
        await fleet.StartAllAsync(parallelism: 100);
        await fleet.SettleAsync(result, "channel members", ConfabScale.SettleCap(context));

        string run = Guid.NewGuid().ToString("N");
        await WarmUpAsync(confab, channel, members, arrivals, run);

        Latency post = new();
        ConcurrentDictionary<string, long> intendedById = new();
        OpenLoopResult posted = await OpenLoop.RunAsync(PostsPerSecond, duration, async (intended, i) =>
        {
            MessageEvent message = await confab.Api.PostMessageAsync(members[0].AccessToken, channel.Id,
                string.Create(CultureInfo.InvariantCulture, $"@channel release {i} is out, please check your areas"), $"{run}-{i}");
            post.RecordSince(intended);
            intendedById[message.Id] = intended;
        }, TimeSpan.FromSeconds(30));

        long expected = (long)posted.Succeeded * (members.Count - 1);
        Stopwatch waited = Stopwatch.StartNew();
        // Only notifications about the posted messages count; nothing else notifies these members meanwhile.
        while (arrivals.Count < expected && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        Latency notified = new();
        long matched = 0;
        foreach ((string? messageId, long at) in arrivals)
        {
            if (messageId is not null && intendedById.TryGetValue(messageId, out long intended))
            {
                notified.RecordElapsed(at - intended);
                matched++;
            }
        }

        result.AddRange(post.Summarize().ToMeasurements("@channel post latency", P99LimitMs));
        result.AddRange(notified.Summarize().ToMeasurements("mention notification delivered, latency"));
        result.Add(new Measurement("mention notifications delivered", matched, "notifications"));
        result.Add(new Measurement("mention notifications missing", Math.Max(0, expected - matched), "notifications", Target: "0"));
        result.LostMessages += Math.Max(0, expected - matched);
        if (posted.Failed + posted.Unfinished > 0)
        {
            result.Errors.Add($"{posted.Failed + posted.Unfinished} posts failed: {posted.FirstError}");
        }

        await footprint.AddToAsync(result);
        return result;
    }

    /// <summary>
    /// A few untimed posts first, each waited for until every member has its notification: the timed ones then meet
    /// a server whose code paths are compiled and whose connect storm (presence to every member) is over.
    /// </summary>
    static async Task WarmUpAsync(ConfabTarget confab, ChannelInfo channel, IReadOnlyList<BenchUser> members,
        ConcurrentQueue<(string? MessageId, long At)> arrivals, string run)
    {
        for (int i = 0; i < WarmUpPosts; i++)
        {
            await confab.Api.PostMessageAsync(members[0].AccessToken, channel.Id, "@channel warming up", $"{run}-warm-{i}");
        }

        long expected = (long)WarmUpPosts * (members.Count - 1);
        Stopwatch waited = Stopwatch.StartNew();
        while (arrivals.Count < expected && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        arrivals.Clear();
    }
}
