using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Persisted chat: 100 channels of 20 members, every member connected, messages spread
/// over all channels with <c>SendMessage</c> on an open-loop schedule. Latency runs from the
/// intended send to each other member's <c>messageCreated</c>; afterwards each channel's
/// <c>lastSeq</c> must equal the messages accepted into it (all stored).
/// </summary>
public sealed class ChatScenario : IScenario
{
    const int FullChannels = 100;
    const int QuickChannels = 25;
    const int MembersPerChannel = 20;
    const int ContentChars = 100;
    const double P99LimitMs = 25;

    public string Name => "chat";

    public string Title => "persisted chat, 100 channels x 20 members, all messages stored";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        ConfabTarget confab = await context.ConfabAsync();

        // Joining is slow (tens of joins a second), so --quick fills a quarter of the channels.
        int channelCount = context.Quick ? QuickChannels : FullChannels;
        int userCount = Math.Min(ConfabScale.Users(context), channelCount * MembersPerChannel);
        BenchUser[] users = [.. (await confab.UsersAsync(userCount)).Users.Take(userCount)];
        ScenarioResult result = new(Name, Title);
        (IReadOnlyList<double> rates, TimeSpan stepDuration) = context.Quick
            ? ((IReadOnlyList<double>)[50, 150, 500, 1500, 2500], TimeSpan.FromSeconds(1.5))
            : (Rates.Geometric(25, 1.4, 10_000), TimeSpan.FromSeconds(5));
        result.Parameter("channels", channelCount);
        result.Parameter("members per channel", MembersPerChannel);
        result.Parameter("distinct users (one connection each)", userCount);
        result.Parameter("inbound rates tried (msg/s)", string.Join(' ', rates));
        result.Parameter("step seconds", stepDuration.TotalSeconds);

        // Member k of channel c is user (c * 20 + k) mod users: with fewer users than 2,000
        // memberships each user sits in several channels, as people do.
        int UserOf(int channel, int member) => ((channel * MembersPerChannel) + member) % userCount;
        BenchLog.Write($"creating {channelCount} channels of {MembersPerChannel} members");
        ChannelInfo[] channels = await ChannelSetup.CreateManyAsync(confab.Api, $"chat-{Guid.NewGuid():N}", channelCount,
            c => [.. Enumerable.Range(0, MembersPerChannel).Select(k => users[UserOf(c, k)])]);
        long[] accepted = new long[channelCount];

        ServerFootprint footprint = ServerFootprint.Begin(confab);
        DeliveryProbe probe = new();
        await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, userCount, i => users[i], HubProtocol.Json, (connection, i) =>
            connection.On<MessageEvent>("messageCreated", m => probe.OnReceived(m.Content, i)));
        BenchLog.Write($"connecting {userCount} clients");
        await fleet.StartAllAsync(parallelism: 100);
        await fleet.SettleAsync(result, "chat members", ConfabScale.SettleCap(context));

        int step = 0;
        LadderResult ladder = await RateLadder.ClimbAsync(rates, P99LimitMs, rate => DeliveryStep.RunAsync(
            probe,
            ++step,
            rate,
            stepDuration,
            MembersPerChannel - 1,
            async (intended, i) =>
            {
                int channel = i % channelCount;
                int author = UserOf(channel, i / channelCount % MembersPerChannel);
                await fleet[author].InvokeAsync<object>(
                    "SendMessage",
                    channels[channel].Id,
                    DeliveryProbe.Payload(step, author, intended, ContentChars),
                    string.Create(CultureInfo.InvariantCulture, $"c{step}-{i}"),
                    null);
                Interlocked.Increment(ref accepted[channel]);
            },
            confab.Sample,
            TimeSpan.FromSeconds(context.Quick ? 5 : 15)), BenchLog.Write, fullRun: !context.Quick);
        // A step's achieved rate counts deliveries; each inbound message has 19 receivers.
        LadderReport.Add(result, "inbound msg/s", "msg/s", ladder, target: ">= 2500", figure: s => s.AchievedRate / (MembersPerChannel - 1));
        if (ladder.Best is { } best)
        {
            result.Add(new Measurement("delivered msg/s at that rate", best.AchievedRate, "msg/s"));
        }


        long missing = 0;
        await Parallel.ForAsync(0, channelCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            ChannelInfo stored = await confab.Api.GetChannelAsync(users[UserOf(c, 0)].AccessToken, channels[c].Id);
            Interlocked.Add(ref missing, Math.Max(0, accepted[c] - stored.LastSeq));
        });
        result.Add(new Measurement("messages accepted", accepted.Sum(), "messages"));
        result.Add(new Measurement("accepted but not stored (lastSeq short)", missing, "messages"));
        result.LostMessages += missing;
        await footprint.AddToAsync(result);
        return result;
    }
}
