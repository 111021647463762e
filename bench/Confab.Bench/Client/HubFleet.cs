using System.Diagnostics;

using Confab.Bench.Harness;

using Microsoft.AspNetCore.SignalR.Client;

namespace Confab.Bench.Client;

/// <summary>
/// Many hub connections of one scenario: built with their event handlers, started with
/// bounded parallelism (the time each start took is recorded), and stopped together.
/// </summary>
public sealed class HubFleet : IAsyncDisposable
{
    static int s_clients;

    readonly HubConnection[] _connections;

    HubFleet(HubConnection[] connections) => _connections = connections;

    public IReadOnlyList<HubConnection> Connections => _connections;

    public HubConnection this[int index] => _connections[index];

    /// <summary>
    /// Builds <paramref name="count"/> connections, connection i for user <paramref name="userFor"/>(i),
    /// lets <paramref name="configure"/> register handlers, and leaves them unstarted.
    /// </summary>
    public static HubFleet Build(Uri baseUrl, int count, Func<int, BenchUser> userFor, HubProtocol protocol, Action<HubConnection, int> configure)
    {
        HubConnection[] connections = new HubConnection[count];
        for (int i = 0; i < count; i++)
        {
            connections[i] = HubClients.Create(baseUrl, userFor(i), protocol, Interlocked.Increment(ref s_clients));
            configure(connections[i], i);
        }

        return new HubFleet(connections);
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
