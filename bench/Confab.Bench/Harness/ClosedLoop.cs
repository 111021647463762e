using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>
/// Throughput at a fixed number of operations in flight: each worker starts its next
/// operation when the previous one finished. For "how many per second can it store", not
/// for latency under load (that is <see cref="OpenLoop"/>'s job).
/// </summary>
public static class ClosedLoop
{
    public static async Task<(double PerSecond, LatencySummary Latency)> RunAsync(int workers, TimeSpan duration, Func<int, long, Task> operation)
    {
        Latency latency = new();
        long done = 0;
        Stopwatch elapsed = Stopwatch.StartNew();
        await Parallel.ForAsync(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (worker, _) =>
        {
            for (long n = 0; elapsed.Elapsed < duration; n++)
            {
                long started = Stopwatch.GetTimestamp();
                await operation(worker, n);
                latency.RecordSince(started);
                Interlocked.Increment(ref done);
            }
        });
        return (Interlocked.Read(ref done) / elapsed.Elapsed.TotalSeconds, latency.Summarize());
    }
}
