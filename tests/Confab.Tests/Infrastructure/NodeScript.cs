using System.Diagnostics;
using System.Text.Json;

namespace Confab.Tests.Infrastructure;

/// <summary>Runs a script of tests/js-client under Node against the test server and reads the JSON it prints.</summary>
public static class NodeScript
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<JsonElement> RunAsync(string script, IDictionary<string, string> environment)
    {
        var directory = ClientDirectory();
        Directory.Exists(Path.Combine(directory, "node_modules", "@microsoft", "signalr")).ShouldBeTrue(
            "The JavaScript client is not installed: run `npm ci --prefix tests/js-client` first.");
        var start = new ProcessStartInfo("node", [Path.Combine(directory, script)])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await node.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"node {script} did not finish within {Timeout}. stderr:\n{await stderr}");
        }
        node.ExitCode.ShouldBe(0, $"node {script} failed. stderr:\n{await stderr}\nstdout:\n{await stdout}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }

    // The test binaries run from tests/Confab.Tests/bin/...; the client package sits beside the test project.
    static string ClientDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "js-client");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
        }
        throw new ShouldAssertException($"tests/js-client not found above {AppContext.BaseDirectory}.");
    }
}
