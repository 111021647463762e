using System.Text.Json.Nodes;

namespace Confab.Bench.Baselines;

/// <summary>How the Confab server's build configures the runtime, so the baselines run the same way.</summary>
public static class ConfabRuntime
{
    /// <summary>
    /// Whether Confab runs server GC: read from its runtimeconfig when it is built, otherwise
    /// ASP.NET Core's default (yes). On two shared cores this choice moves fan-out latency a
    /// lot, so baselines must not differ from Confab in it.
    /// </summary>
    public static bool UsesServerGc(string repositoryRoot)
    {
        string config = Path.Combine(repositoryRoot, "src", "Confab", "bin", "Release", "net10.0", "Confab.runtimeconfig.json");
        if (!File.Exists(config))
        {
            return true;
        }

        JsonNode? value = JsonNode.Parse(File.ReadAllText(config))?["runtimeOptions"]?["configProperties"]?["System.GC.Server"];
        return value?.GetValue<bool>() ?? false;
    }
}
