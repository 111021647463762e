using System.Diagnostics;
using System.Globalization;
using System.Reflection;

using Confab.Bench.Harness;

namespace Confab.Bench.Baselines;

/// <summary>Starts this benchmark's own executable as the baseline server, in a child process like Confab.</summary>
public static class BaselineProcess
{
    public static async Task<ChildServer> StartAsync(string workDirectory, bool serverGc)
    {
        int port = Loopback.FreePort();
        string self = Environment.ProcessPath ?? "dotnet";
        ProcessStartInfo start = new(self) { WorkingDirectory = workDirectory };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add(BaselineServer.Command);
        // The same GC as Confab's (the benchmark itself runs workstation GC).
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        Uri baseUrl = new($"http://127.0.0.1:{port}/");
        string log = Path.Combine(workDirectory, $"baseline-{port}.log");
        return await ChildServer.StartAsync(start, baseUrl, "/health", log, TimeSpan.FromSeconds(30));
    }
}
