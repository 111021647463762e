using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>
/// Starts operations on a fixed schedule whether or not earlier ones have finished, so a slow
/// server makes latency grow instead of quietly lowering the offered load (no coordinated
/// omission). Each operation is handed its intended start as a Stopwatch timestamp and must
/// measure from there.
/// </summary>
public static class OpenLoop
{
    public static async Task<OpenLoopResult> RunAsync(
        double ratePerSecond,
        TimeSpan duration,
        Func<long, int, Task> operation,
        TimeSpan drainTimeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        int total = Math.Max(1, (int)Math.Round(ratePerSecond * duration.TotalSeconds));
        double ticksPerOperation = Stopwatch.Frequency / ratePerSecond;
        Tracker tracker = new();
        Latency lag = new();
        Task[] running = new Task[total];
        long start = Stopwatch.GetTimestamp();

        // The schedule runs on its own thread: on the thread pool its timer continuations would
        // queue behind the very work they measure and start operations late.
        TaskCompletionSource scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Thread scheduler = new(() =>
        {
            try
            {
                for (int next = 0; next < total && !cancellationToken.IsCancellationRequested;)
                {
                    // Never early: an operation starts once its time has come, and how late the
                    // scheduler was is reported, since it counts in every latency measured here.
                    long now = Stopwatch.GetTimestamp();
                    for (long intended = start + (long)(next * ticksPerOperation); next < total && intended <= now; intended = start + (long)(next * ticksPerOperation))
                    {
                        lag.RecordElapsed(now - intended);
                        running[next] = tracker.Run(operation, intended, next);
                        next++;
                    }

                    // The scheduler's tick: the finest pacing the OS timer gives without spinning a core
                    // the server needs. The lag it adds is measured above.
                    Thread.Sleep(1);
                }
            }
            finally
            {
                scheduled.SetResult();
            }
        })
        { IsBackground = true, Name = "open-loop scheduler" };
        scheduler.Start();
        await scheduled.Task;

        Task all = Task.WhenAll(running.Where(t => t is not null));
        await Task.WhenAny(all, Task.Delay(drainTimeout, cancellationToken));
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        int unfinished = running.Count(t => t is not { IsCompleted: true });
        return new OpenLoopResult(total, tracker.Succeeded, tracker.Failed, unfinished, elapsed, tracker.FirstError, lag.Summarize());
    }

    sealed class Tracker
    {
        int _succeeded;
        int _failed;
        string? _firstError;

        public int Succeeded => Volatile.Read(ref _succeeded);

        public int Failed => Volatile.Read(ref _failed);

        public string? FirstError => Volatile.Read(ref _firstError);

        public async Task Run(Func<long, int, Task> operation, long intended, int index)
        {
            try
            {
                await operation(intended, index);
                Interlocked.Increment(ref _succeeded);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _failed);
                Interlocked.CompareExchange(ref _firstError, $"{e.GetType().Name}: {e.Message}", null);
            }
        }
    }
}
