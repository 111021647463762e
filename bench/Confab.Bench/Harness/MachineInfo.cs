using System.Runtime.InteropServices;

namespace Confab.Bench.Harness;

/// <summary>The machine a run happened on, so figures are never read without it.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() =>
        $"{Cpu}, {Cores} cores, {MemoryBytes / (1L << 30)} GiB, {Os}, {Runtime}";

    static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        string? line = File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
