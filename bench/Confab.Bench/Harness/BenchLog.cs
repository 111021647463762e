namespace Confab.Bench.Harness;

/// <summary>Progress notes, on stderr, so stdout carries only results.</summary>
public static class BenchLog
{
    public static void Write(string message) =>
        Console.Error.WriteLine($"# {DateTime.Now:HH:mm:ss} {message}");
}
