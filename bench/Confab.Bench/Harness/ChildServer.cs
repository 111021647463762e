using System.Diagnostics;

namespace Confab.Bench.Harness;

/// <summary>A server under test running as its own process, with its output kept in a log file.</summary>
public sealed class ChildServer : IAsyncDisposable
{
    readonly Process _process;
    readonly StreamWriter _log;
    bool _stopping;

    ChildServer(Process process, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    public ProcessSample Sample() => ProcessSample.Read(_process.Id);

    public static async Task<ChildServer> StartAsync(
        ProcessStartInfo start, Uri baseUrl, string readyPath, string logPath, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        StreamWriter log = new(logPath);
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ChildServer server = new(process, log, baseUrl);
        process.Exited += (_, _) =>
        {
            if (!server._stopping)
            {
                BenchLog.Write($"server {start.FileName} (pid {process.Id}) exited on its own with code {process.ExitCode}; its log: {logPath}");
            }
        };
        try
        {
            await server.WaitUntilReadyAsync(readyPath, timeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    async Task WaitUntilReadyAsync(string readyPath, TimeSpan timeout)
    {
        using HttpClient http = new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {_process.ExitCode} before it was ready");
            }

            try
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri(readyPath, UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"server at {BaseUrl} was not ready after {timeout.TotalSeconds} s");
    }

    static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
