using System.Diagnostics;

using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Client;

/// <summary>
/// Many hub connections of one scenario: built with their event handlers, started with
/// bounded parallelism (the time each start took is recorded), and stopped together.
/// Every connection counts the <c>presenceChanged</c> events it receives (see <see cref="SettleAsync"/>).
/// </summary>
public sealed class HubFleet : IAsyncDisposable
{
    static readonly TimeSpan s_quietFor = TimeSpan.FromSeconds(1);

    static int s_clients;

    readonly HubConnection[] _connections;

    long _presenceEvents;

    HubFleet(int count) => _connections = new HubConnection[count];

    public IReadOnlyList<HubConnection> Connections => _connections;

    public HubConnection this[int index] => _connections[index];

    /// <summary>
    /// Builds <paramref name="count"/> connections, connection i for user <paramref name="userFor"/>(i),
    /// lets <paramref name="configure"/> register handlers, and leaves them unstarted.
    /// </summary>
    public static HubFleet Build(Uri baseUrl, int count, Func<int, BenchUser> userFor, HubProtocol protocol, Action<HubConnection, int> configure)
    {
        HubFleet fleet = new(count);
        for (int i = 0; i < count; i++)
        {
            HubConnection connection = HubClients.Create(baseUrl, userFor(i), protocol, Interlocked.Increment(ref s_clients));
            connection.On("presenceChanged", [typeof(object)], _ =>
            {
                Interlocked.Increment(ref fleet._presenceEvents);
                return Task.CompletedTask;
            });
            configure(connection, i);
            fleet._connections[i] = connection;
        }

        return fleet;
    }

    /// <summary>
    /// Waits until no <c>presenceChanged</c> has arrived for a second, at most <paramref name="cap"/>,
    /// and reports how many arrived and how long that took. Users who were offline are announced,
    /// as they connect, to everyone sharing a channel with them: in one channel of 1,000 that is
    /// half a million events, and a latency step that starts while they are still being delivered
    /// measures that storm instead of its own messages.
    /// </summary>
    public async Task SettleAsync(ScenarioResult result, string label, TimeSpan cap)
    {
        Stopwatch waited = Stopwatch.StartNew();
        Stopwatch quiet = Stopwatch.StartNew();
        long seen = Interlocked.Read(ref _presenceEvents);
        while (quiet.Elapsed < s_quietFor && waited.Elapsed < cap)
        {
            await Task.Delay(100);
            long now = Interlocked.Read(ref _presenceEvents);
            if (now != seen)
            {
                seen = now;
                quiet.Restart();
            }
        }

        BenchLog.Write($"{seen} presenceChanged events after connecting ({label}), quiet after {waited.Elapsed.TotalSeconds:0.0} s");
        result.Add(new Measurement($"presenceChanged events after connecting ({label})", seen, "events"));
        result.Add(new Measurement($"presenceChanged events after connecting ({label}), quiet after", waited.Elapsed.TotalSeconds, "s"));
    }

    /// <summary>Starts every connection, at most <paramref name="parallelism"/> at once; returns connections per second.</summary>
    public async Task<double> StartAllAsync(int parallelism, Latency? connectTime = null, Func<int, Task>? afterStart = null) =>
        (await StartAsync(0, _connections.Length, parallelism, connectTime, afterStart)).PerSecond;

    /// <summary>
    /// Starts connections [<paramref name="from"/>, <paramref name="to"/>), starting no new one
    /// after <paramref name="deadline"/>; returns how many started and at what rate.
    /// </summary>
    public async Task<(int Started, double PerSecond)> StartAsync(
        int from, int to, int parallelism, Latency? connectTime = null, Func<int, Task>? afterStart = null, TimeSpan? deadline = null)
    {
        using CancellationTokenSource stop = new(deadline ?? Timeout.InfiniteTimeSpan);
        Stopwatch elapsed = Stopwatch.StartNew();
        int started = 0;
        try
        {
            await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = stop.Token }, async (i, _) =>
            {
                long begun = Stopwatch.GetTimestamp();
                await _connections[i].StartAsync(CancellationToken.None);
                connectTime?.RecordSince(begun);
                Interlocked.Increment(ref started);
                if (afterStart is not null)
                {
                    await afterStart(i);
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The deadline passed: the connections started so far stay open.
        }

        return (started, started / elapsed.Elapsed.TotalSeconds);
    }

    public async Task StopAllAsync() =>
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (c, cancellationToken) => await c.StopAsync(cancellationToken));

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (c, _) => await c.DisposeAsync());
}
