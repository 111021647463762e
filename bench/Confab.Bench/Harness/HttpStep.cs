namespace Confab.Bench.Harness;

/// <summary>One open-loop HTTP load step: requests start on schedule, latency counts from the intended start.</summary>
public static class HttpStep
{
    public static async Task<StepResult> RunAsync(
        double rate, TimeSpan duration, Func<int, Task> request, Func<ProcessSample?> sampleServer)
    {
        Latency latency = new();
        ProcessSample? before = sampleServer();
        OpenLoopResult result = await OpenLoop.RunAsync(
            rate,
            duration,
            async (intended, i) =>
            {
                await request(i);
                latency.RecordSince(intended);
            },
            TimeSpan.FromSeconds(30));
        ProcessSample? after = sampleServer();
        return new StepResult(rate, result.SucceededPerSecond, latency.Summarize(), result.Failed, 0, result.FirstError)
        {
            Unfinished = result.Unfinished,
            SchedulerLagP99 = result.SchedulerLag.P99,
            ServerCpuPercent = before is not null && after is not null ? after.CpuPercentSince(before) : null,
        };
    }
}
