using System.Runtime.InteropServices;

namespace Confab.Bench.Harness;

/// <summary>Raises this process's open-file limit; child servers inherit it. Tens of thousands of sockets need it.</summary>
public static partial class FileLimit
{
    const int RlimitNofile = 7;

    /// <summary>The limit in force after <see cref="Raise"/>: it caps how many connections one process can hold.</summary>
    public static ulong Current { get; set; }

    public static ulong Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNofile, out RLimit current) != 0)
        {
            return 0;
        }

        RLimit raised = new() { Current = Math.Max(current.Current, wanted), Max = Math.Max(current.Max, wanted) };
        if (SetRLimit(RlimitNofile, in raised) == 0)
        {
            return raised.Current;
        }

        // Without the privilege to raise the hard limit, go as far as it allows.
        RLimit capped = new() { Current = current.Max, Max = current.Max };
        return SetRLimit(RlimitNofile, in capped) == 0 ? capped.Current : current.Current;
    }

    [StructLayout(LayoutKind.Sequential)]
    struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, in RLimit limit);
}
