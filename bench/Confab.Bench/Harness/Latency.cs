using System.Diagnostics;

using HdrHistogram;

namespace Confab.Bench.Harness;

/// <summary>A thread-safe latency histogram in microseconds, from one to sixty seconds' worth.</summary>
public sealed class Latency
{
    const long HighestMicros = 60_000_000;

    readonly LongConcurrentHistogram _histogram = new(1, HighestMicros, 3);

    public long Count => _histogram.TotalCount;

    /// <summary>Records the time from <paramref name="intendedTimestamp"/> (a Stopwatch timestamp) to now.</summary>
    public void RecordSince(long intendedTimestamp) => RecordElapsed(Stopwatch.GetTimestamp() - intendedTimestamp);

    /// <summary>Records a span given in Stopwatch ticks.</summary>
    public void RecordElapsed(long stopwatchTicks)
    {
        long micros = stopwatchTicks * 1_000_000 / Stopwatch.Frequency;
        _histogram.RecordValue(Math.Clamp(micros, 1, HighestMicros));
    }

    public LatencySummary Summarize() =>
        _histogram.TotalCount == 0
            ? new LatencySummary(0, 0, 0, 0, 0)
            : new LatencySummary(
                _histogram.TotalCount,
                Millis(_histogram.GetValueAtPercentile(50)),
                Millis(_histogram.GetValueAtPercentile(99)),
                Millis(_histogram.GetValueAtPercentile(99.9)),
                Millis(_histogram.GetMaxValue()));

    static double Millis(long micros) => micros / 1000.0;
}
