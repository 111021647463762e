using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>REST history: <c>GET /api/channels/{id}/messages?limit=50</c> of a channel holding more than 50 messages.</summary>
public sealed class RestHistoryScenario : IScenario
{
    const int Users = 10;
    const int PageSize = 50;
    const int Seeded = 120;

    public string Name => "rest-history";

    public string Title => "REST GET /api/channels/{id}/messages?limit=50";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        Measurement baseline = await context.BaselineAsync(BaselineRestScenario.ScenarioName, BaselineRestScenario.Figure);
        ConfabTarget confab = await context.ConfabAsync();
        BenchUser[] users = [.. (await confab.UsersAsync(Users)).Users.Take(Users)];
        ChannelInfo channel = await ChannelSetup.CreateAsync(confab.Api, $"history-{Guid.NewGuid():N}", users);
        for (int i = 0; i < Seeded; i++)
        {
            await confab.Api.PostMessageAsync(users[i % Users].AccessToken, channel.Id,
                string.Create(CultureInfo.InvariantCulture, $"history message {i} with a little text in it, as people write"), $"h{i}");
        }

        ScenarioResult result = new(Name, Title);
        HttpShape shape = HttpShape.Confab(context.Quick);
        shape.Describe(result);
        result.Parameter("messages in channel", Seeded);
        result.Parameter("page size", PageSize);
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        LadderResult ladder = await RateLadder.ClimbAsync(shape.Rates, HttpShape.P99LimitMs, rate => HttpStep.RunAsync(
            rate,
            shape.StepDuration,
            async i =>
            {
                Page<MessageEvent> page = await confab.Api.HistoryAsync(users[i % Users].AccessToken, channel.Id, PageSize);
                if (page.Items.Count != PageSize)
                {
                    throw new InvalidOperationException($"history returned {page.Items.Count} messages, not {PageSize}");
                }
            },
            confab.Sample), BenchLog.Write, fullRun: !context.Quick);
        LadderReport.Add(result, "req/s", "req/s", ladder, baseline, ">= 5000");
        await footprint.AddToAsync(result);
        return result;
    }
}
