using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Scenarios;

/// <summary>
/// Fan-out: 1,000 hub connections in one channel, 20 of them sending with <c>SendMessage</c>
/// on an open-loop schedule; latency runs from the intended send time to each other
/// connection's <c>messageCreated</c>. Climbs the same ladder as the raw WebSocket baseline,
/// once over JSON and once over MessagePack.
/// </summary>
public sealed class FanoutScenario : IScenario
{
    const int Connections = BaselineFanoutScenario.Members;
    const int Senders = BaselineFanoutScenario.Senders;
    const int ContentChars = 100;

    public string Name => "fanout";

    public string Title => "1 channel, 1,000 connected members, senders at fixed rates";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        Measurement baseline = await context.BaselineAsync(BaselineFanoutScenario.ScenarioName, BaselineFanoutScenario.Figure);
        ConfabTarget confab = await context.ConfabAsync();
        (ChannelInfo channel, IReadOnlyList<BenchUser> members) = await confab.BigChannelAsync(ConfabScale.BigChannelMembers(context));
        ScenarioResult result = new(Name, Title);
        FanoutShape shape = FanoutShape.For(context.Quick);
        shape.Describe(result, Connections, Senders, ContentChars);
        result.Parameter("distinct member users", members.Count);
        result.Parameter("client", "Microsoft.AspNetCore.SignalR.Client, WebSockets");
        ServerFootprint footprint = ServerFootprint.Begin(confab);

        foreach (HubProtocol protocol in new[] { HubProtocol.Json, HubProtocol.MessagePack })
        {
            string label = $"delivered msg/s ({protocol.ToString().ToLowerInvariant()})";
            DeliveryProbe probe = new();
            LoosePayload loose = new();

            // When SendMessage returns the message is stored: this splits storing from fanning out.
            Latency acknowledged = new();
            await using HubFleet fleet = HubFleet.Build(confab.BaseUrl, Connections, i => members[i % members.Count], protocol, (connection, i) =>
            {
                if (protocol == HubProtocol.Json)
                {
                    connection.On<MessageEvent>("messageCreated", m => probe.OnReceived(m.Content, i));
                }
                else
                {
                    // Untyped, so a payload with the wrong key casing is still timed, and reported.
                    connection.On("messageCreated", [typeof(object)], args =>
                    {
                        probe.OnReceived(loose.Field(args[0], "content"), i);
                        return Task.CompletedTask;
                    });
                }
            });
            BenchLog.Write($"connecting {Connections} {protocol} clients");
            await fleet.StartAllAsync(parallelism: 100);
            await fleet.SettleAsync(result, protocol.ToString().ToLowerInvariant(), ConfabScale.SettleCap(context));
            int step = 0;
            LadderResult ladder = await RateLadder.ClimbAsync(shape.Rates, BaselineFanoutScenario.P99LimitMs, rate => DeliveryStep.RunAsync(
                probe,
                ++step,
                rate,
                shape.StepDuration,
                Connections - 1,
                async (intended, i) =>
                {
                    await fleet[i % Senders].InvokeAsync<object>(
                        "SendMessage",
                        channel.Id,
                        DeliveryProbe.Payload(step, i % Senders, intended, ContentChars),
                        string.Create(CultureInfo.InvariantCulture, $"f{step}-{i}-{Guid.NewGuid():N}"),
                        null);
                    acknowledged.RecordSince(intended);
                },
                confab.Sample,
                shape.Drain), BenchLog.Write, fullRun: !context.Quick);
            LadderReport.Add(result, label, "msg/s", ladder, baseline, ">= 60000; ratio >= 0.4");
            result.AddRange(acknowledged.Summarize().ToMeasurements($"SendMessage answered ({protocol.ToString().ToLowerInvariant()}, all steps)"));
            if (loose.PascalCaseSeen > 0)
            {
                result.Errors.Add($"{loose.PascalCaseSeen} MessagePack messageCreated payloads had PascalCase keys; the contract names them in camelCase");
            }
        }

        await footprint.AddToAsync(result);
        return result;
    }
}
