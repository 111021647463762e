using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>
/// One fan-out load step: senders post on an open-loop schedule, then the step waits until
/// every successfully sent message reached every other receiver. A backlog that is still
/// draining is waited for (up to a minute): only messages still missing once deliveries have
/// stopped for the drain timeout count as lost, so a slow step is late, not lossy.
/// </summary>
public static class DeliveryStep
{
    static readonly TimeSpan MaxDrain = TimeSpan.FromMinutes(1);

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
        Stopwatch quiet = Stopwatch.StartNew();
        for (long seen = probe.Delivered; seen < expected && quiet.Elapsed < drainTimeout && drain.Elapsed < MaxDrain; seen = probe.Delivered)
        {
            await Task.Delay(20);
            if (probe.Delivered > seen)
            {
                quiet.Restart();
            }
        }

        ProcessSample? after = sampleServer();
        long delivered = probe.Delivered;
        double seconds = Math.Max(duration.TotalSeconds, Stopwatch.GetElapsedTime(start, probe.LastDelivery).TotalSeconds);
        return new StepResult(inboundRate, delivered / seconds, probe.Latency.Summarize(), sent.Failed, Math.Max(0, expected - delivered), sent.FirstError)
        {
            Unfinished = sent.Unfinished,
            SchedulerLagP99 = sent.SchedulerLag.P99,
            ServerCpuPercent = before is not null && after is not null ? after.CpuPercentSince(before) : null,
        };
    }
}
