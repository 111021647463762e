using System.Globalization;

namespace Confab.Bench.Harness;

/// <summary>
/// CPU used by processes that are neither this benchmark nor its children (the servers it
/// started), between two snapshots of /proc. On a shared two-core machine that load moves
/// every figure, so each scenario reports it.
/// </summary>
public sealed class OtherLoad
{
    readonly Dictionary<int, double> _start;
    readonly DateTime _startedAt = DateTime.UtcNow;

    OtherLoad(Dictionary<int, double> start) => _start = start;

    public static OtherLoad Begin() => new(Snapshot());

    /// <summary>Average CPU of other processes since <see cref="Begin"/>, in percent of one core.</summary>
    public double PercentOfCoreSinceBegin()
    {
        double seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        double used = Snapshot().Sum(p => p.Value - _start.GetValueOrDefault(p.Key));
        return seconds > 0 ? Math.Max(0, used) / seconds * 100 : 0;
    }

    static Dictionary<int, double> Snapshot()
    {
        Dictionary<int, (int Parent, double Cpu)> processes = [];
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out int pid) && Read(pid) is { } stat)
            {
                processes[pid] = stat;
            }
        }

        return processes.Where(p => !IsOurs(p.Key, processes)).ToDictionary(p => p.Key, p => p.Value.Cpu);
    }

    static bool IsOurs(int pid, Dictionary<int, (int Parent, double Cpu)> processes)
    {
        for (int hops = 0; hops < 64 && pid > 1; hops++)
        {
            if (pid == Environment.ProcessId)
            {
                return true;
            }

            pid = processes.TryGetValue(pid, out (int Parent, double Cpu) p) ? p.Parent : 0;
        }

        return false;
    }

    static (int Parent, double Cpu)? Read(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            int parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            double cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            return (parent, cpu);
        }
        catch (IOException)
        {
            // The process ended between listing and reading.
            return null;
        }
    }
}
