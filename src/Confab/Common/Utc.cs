namespace Confab.Common;

public static class Utc
{
    /// <summary>Now, truncated to milliseconds so that what is stored, returned and compared is the same value.</summary>
    public static DateTime Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
