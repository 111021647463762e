using System.Globalization;

using Confab.Bench.Client;
using Confab.Bench.Harness;

namespace Confab.Bench.Scenarios;

/// <summary>REST post: <c>POST /api/channels/{id}/messages</c> on an open-loop ladder, by 50 users in 10 channels of 5.</summary>
public sealed class RestPostScenario : IScenario
{
    const int Users = 50;
    const int Channels = 10;

    public string Name => "rest-post";

    public string Title => "REST POST /api/channels/{id}/messages";

    public async Task<ScenarioResult> RunAsync(BenchContext context)
    {
        Measurement baseline = await context.BaselineAsync(BaselineRestScenario.ScenarioName, BaselineRestScenario.Figure);
        ConfabTarget confab = await context.ConfabAsync();
        BenchUser[] users = [.. (await confab.UsersAsync(Users)).Users.Take(Users)];
        int perChannel = Users / Channels;
        ChannelInfo[] channels = await ChannelSetup.CreateManyAsync(confab.Api, $"post-{Guid.NewGuid():N}", Channels,
            c => users.Skip(c * perChannel).Take(perChannel).ToArray());
        ScenarioResult result = new(Name, Title);
        HttpShape shape = HttpShape.Confab(context.Quick);
        shape.Describe(result);
        result.Parameter("users", Users);
        result.Parameter("channels", Channels);
        ServerFootprint footprint = ServerFootprint.Begin(confab);
        string content = new('x', 100);
        string run = Guid.NewGuid().ToString("N");
        int step = 0;
        LadderResult ladder = await RateLadder.ClimbAsync(shape.Rates, HttpShape.P99LimitMs, rate =>
        {
            step++;
            return HttpStep.RunAsync(
                rate,
                shape.StepDuration,
                i => confab.Api.PostMessageAsync(
                    users[i % Users].AccessToken,
                    channels[i % Users / perChannel].Id,
                    content,
                    string.Create(CultureInfo.InvariantCulture, $"{run}-{step}-{i}")),
                confab.Sample);
        }, BenchLog.Write, fullRun: !context.Quick);
        LadderReport.Add(result, "req/s", "req/s", ladder, baseline, ">= 3000");
        await footprint.AddToAsync(result);
        return result;
    }
}
