using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>
/// One fan-out load step: senders post on an open-loop schedule, then the step waits (up to
/// a drain timeout) until every successfully sent message reached every other receiver.
/// What has not arrived by then is counted as lost.
/// </summary>
public static class DeliveryStep
{
    public static async Task<StepResult> RunAsync(
        DeliveryProbe probe,
        int step,
        double inboundRate,
        TimeSpan duration,
        int receiversPerMessage,
        Func<long, int, Task> send,
        Func<ProcessSample?> sampleServer,
        TimeSpan drainTimeout)
    {
        probe.BeginStep(step);
        ProcessSample? before = sampleServer();
        long start = Stopwatch.GetTimestamp();
        OpenLoopResult sent = await OpenLoop.RunAsync(inboundRate, duration, send, drainTimeout);
        long expected = (long)sent.Succeeded * receiversPerMessage;
        Stopwatch drain = Stopwatch.StartNew();
        while (probe.Delivered < expected && drain.Elapsed < drainTimeout)
        {
            await Task.Delay(20);
        }

        ProcessSample? after = sampleServer();
        long delivered = probe.Delivered;
        double seconds = Math.Max(duration.TotalSeconds, Stopwatch.GetElapsedTime(start, probe.LastDelivery).TotalSeconds);
        return new StepResult(inboundRate, delivered / seconds, probe.Latency.Summarize(), sent.Failed + sent.Unfinished, Math.Max(0, expected - delivered), sent.FirstError)
        {
            SchedulerLagP99 = sent.SchedulerLag.P99,
            ServerCpuPercent = before is not null && after is not null ? after.CpuPercentSince(before) : null,
        };
    }
}
