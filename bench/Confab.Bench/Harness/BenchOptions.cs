namespace Confab.Bench.Harness;

/// <summary>What the command line asked for.</summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }

    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public Uri? ServerUrl { get; init; }

    public bool NoBuild { get; init; }

    public int? Users { get; init; }

    /// <summary>Extra environment for the Confab server (<c>--server-env KEY=VALUE</c>, repeatable).</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();

    public string RepositoryRoot { get; init; } = FindRepositoryRoot();

    /// <summary>Quick smoke runs keep their results apart (and untracked), so they never replace a full run's.</summary>
    public string ResultsDirectory => Quick
        ? Path.Combine(RepositoryRoot, "bench", "results", "quick")
        : Path.Combine(RepositoryRoot, "bench", "results");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        BenchOptions options = new();
        List<string> scenarios = [];
        Dictionary<string, string> environment = new(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            options = arg switch
            {
                "--quick" => options with { Quick = true },
                "--no-build" => options with { NoBuild = true },
                "--scenario" => Add(scenarios, options, Value(args, ++i, arg)),
                "--server-url" => options with { ServerUrl = LoopbackOnly(new Uri(Value(args, ++i, arg))) },
                "--server-env" => AddEnvironment(environment, options, Value(args, ++i, arg)),
                "--users" => options with { Users = int.Parse(Value(args, ++i, arg), System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown argument '{arg}'"),
            };
        }

        return options with { Scenarios = scenarios, ServerEnvironment = environment };
    }

    static BenchOptions Add(List<string> scenarios, BenchOptions options, string value)
    {
        scenarios.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return options;
    }

    static BenchOptions AddEnvironment(Dictionary<string, string> environment, BenchOptions options, string value)
    {
        string[] parts = value.Split('=', 2);
        environment[parts[0]] = parts.Length == 2 ? parts[1] : throw new ArgumentException($"--server-env needs KEY=VALUE, not '{value}'");
        return options;
    }

    static string Value(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{name} needs a value");

    // Load may only ever be aimed at this machine.
    static Uri LoopbackOnly(Uri url) =>
        url.IsLoopback ? url : throw new ArgumentException($"--server-url must be a loopback address, not {url.Host}");

    static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Confab.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
