using System.Diagnostics.Metrics;

namespace Confab.Messages;

/// <summary>Confab's own instruments; HTTP and hub figures come from ASP.NET Core's meters.</summary>
public sealed class ConfabMetrics
{
    public const string MeterName = "Confab";

    readonly Counter<long> messagesPosted;

    public ConfabMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        messagesPosted = meter.CreateCounter<long>("confab.messages.posted", unit: "{message}",
            description: "Messages stored, whether posted over REST or the hub.");
    }

    public void MessagePosted() => messagesPosted.Add(1);
}
