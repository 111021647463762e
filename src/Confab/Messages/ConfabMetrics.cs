using System.Diagnostics.Metrics;

namespace Confab.Messages;

/// <summary>Confab's own instruments; HTTP and hub figures come from ASP.NET Core's meters.</summary>
public sealed class ConfabMetrics
{
    public const string MeterName = "Confab";

    /// <summary>Bucket bounds, in seconds, for work that waits on the disk: from a fraction of a millisecond to a second.</summary>
    static readonly InstrumentAdvice<double> DiskSeconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    };

    readonly Counter<long> messagesPosted;
    readonly Histogram<double> commitDurations;

    public ConfabMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        messagesPosted = meter.CreateCounter<long>("confab.messages.posted", unit: "{message}",
            description: "Messages stored, whether posted over REST or the hub.");
        commitDurations = meter.CreateHistogram("confab.messages.commit.duration", unit: "s",
            description: "Time to commit one batch of posted messages, which every poster in it waits for.", advice: DiskSeconds);
    }

    public void MessagePosted() => messagesPosted.Add(1);

    public void BatchCommitted(TimeSpan took) => commitDurations.Record(took.TotalSeconds);
}
