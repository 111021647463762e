using System.Diagnostics;

using Confab.Bench.Harness;

namespace Confab.Bench.Client;

/// <summary>
/// The Confab server under test: either started here as its own process (Release build,
/// Production environment, fresh data directory) or one already running at --server-url.
/// </summary>
public sealed class ConfabTarget : IAsyncDisposable
{
    readonly ChildServer? _server;
    readonly Dictionary<int, ChannelInfo> _bigChannels = [];
    UserPool? _users;

    ConfabTarget(Uri baseUrl, ChildServer? server)
    {
        BaseUrl = baseUrl;
        _server = server;
        Api = new ConfabApi(baseUrl);
    }

    public Uri BaseUrl { get; }

    public ConfabApi Api { get; }

    /// <summary>The server's /proc figures, or null when it is not our child process.</summary>
    public ProcessSample? Sample() => _server?.Sample();

    /// <summary>
    /// Builds src/Confab in Release when a source is newer than the build. The runner calls it once, before the first
    /// scenario, so a run measures the code as it was when the run started: built at the first Confab scenario instead,
    /// a source edited during the baselines broke a whole run.
    /// </summary>
    public static async Task BuildIfStaleAsync(BenchOptions options)
    {
        if (options.ServerUrl is not null || options.NoBuild)
        {
            return;
        }

        string project = ProjectDirectory(options);
        if (IsStale(ServerDll(options), project))
        {
            BenchLog.Write("building src/Confab (Release)");
            await RunToEndAsync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", project]);
        }
    }

    static string ProjectDirectory(BenchOptions options) => Path.Combine(options.RepositoryRoot, "src", "Confab");

    static string ServerDll(BenchOptions options) =>
        Path.Combine(ProjectDirectory(options), "bin", "Release", "net10.0", "Confab.dll");

    public static async Task<ConfabTarget> StartAsync(BenchOptions options, string workDirectory)
    {
        if (options.ServerUrl is { } url)
        {
            BenchLog.Write($"using the Confab server at {url}");
            return new ConfabTarget(url, null);
        }

        string dll = ServerDll(options);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"no server build at {dll}");
        }

        int port = Loopback.FreePort();
        Uri baseUrl = new($"http://127.0.0.1:{port}/");
        string dataDirectory = Directory.CreateDirectory(Path.Combine(workDirectory, "confab-data")).FullName;
        ProcessStartInfo start = new("dotnet") { WorkingDirectory = workDirectory };
        foreach (string arg in new[] { dll, "--urls", baseUrl.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Confab__DataDirectory"] = dataDirectory;
        start.Environment["RateLimiting__Enabled"] = "false";

        // A few users stand in for many here, so each sends far more than a person would:
        // the per-user SendMessage bucket goes to its configured maximum.
        start.Environment["Realtime__SendMessageBurst"] = "100000";
        start.Environment["Realtime__SendMessagesPerMinute"] = "600000";
        foreach ((string key, string value) in options.ServerEnvironment)
        {
            start.Environment[key] = value;
        }

        string log = Path.Combine(workDirectory, "confab-server.log");
        ChildServer server = await ChildServer.StartAsync(start, baseUrl, "/health/live", log, TimeSpan.FromSeconds(60));
        BenchLog.Write($"Confab server pid {server.Pid} at {baseUrl}, data in {dataDirectory}, log in {log}");
        return new ConfabTarget(baseUrl, server);
    }

    /// <summary>Registered users shared by the scenarios, at least <paramref name="count"/> of them, with fresh tokens.</summary>
    public async Task<UserPool> UsersAsync(int count)
    {
        _users ??= new UserPool(Api);
        await _users.GrowAsync(count);
        await _users.RefreshStaleAsync();
        return _users;
    }

    /// <summary>
    /// A public channel whose members are the first <paramref name="members"/> users of the pool,
    /// created once and shared by the scenarios that need a big channel (joining is slow).
    /// </summary>
    public async Task<(ChannelInfo Channel, IReadOnlyList<BenchUser> Members)> BigChannelAsync(int members)
    {
        UserPool pool = await UsersAsync(members);
        BenchUser[] users = [.. pool.Users.Take(members)];
        if (!_bigChannels.TryGetValue(members, out ChannelInfo? channel))
        {
            BenchLog.Write($"creating a channel with {members} members");
            channel = await ChannelSetup.CreateAsync(Api, $"big-{members}-{Guid.NewGuid():N}", users);
            _bigChannels[members] = channel;
        }

        return (channel, users);
    }

    public Task<IReadOnlyDictionary<string, double>> MetricsAsync() => ServerMetrics.ScrapeAsync(Api.Http);

    /// <summary>Whether any source under src/ is newer than the server's Release build (an up-to-date build still costs seconds).</summary>
    static bool IsStale(string dll, string project)
    {
        if (!File.Exists(dll))
        {
            return true;
        }

        DateTime built = File.GetLastWriteTimeUtc(dll);
        string[] outputs = [$"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"];
        return Directory.EnumerateFiles(Path.GetDirectoryName(project)!, "*", SearchOption.AllDirectories)
            .Where(f => !outputs.Any(o => f.Contains(o, StringComparison.Ordinal)))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    static async Task RunToEndAsync(string fileName, string[] args)
    {
        ProcessStartInfo start = new(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} failed:\n{await output}{await errors}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
