using System.Diagnostics;
using System.Globalization;

namespace Confab.Bench.Harness;

/// <summary>CPU time used so far and resident memory of a process, read from /proc/&lt;pid&gt;.</summary>
public sealed record ProcessSample(long Timestamp, double CpuSeconds, long RssBytes)
{
    // USER_HZ is 100 on every Linux architecture .NET runs on.
    const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name in parentheses may hold spaces, so fields are counted after its ')'.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        string rssLine = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        long rssKb = long.Parse(rssLine["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessSample(Stopwatch.GetTimestamp(), cpu, rssKb * 1024);
    }

    /// <summary>Average CPU use between two samples, in percent of one core.</summary>
    public double CpuPercentSince(ProcessSample earlier)
    {
        double wall = Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp).TotalSeconds;
        return wall > 0 ? (CpuSeconds - earlier.CpuSeconds) / wall * 100 : 0;
    }
}
