using System.Diagnostics;

using Confab.Bench.Harness;

namespace Confab.Bench.Client;

/// <summary>
/// Users registered once and shared by the scenarios: password hashing makes registration
/// the slowest step of setting up, so it is done once, as many in parallel as helps.
/// </summary>
public sealed class UserPool(ConfabApi api)
{
    const string Password = "bench-password-1";
    const int Parallelism = 8;

    readonly List<BenchUser> _users = [];
    readonly string _prefix = $"b{DateTime.UtcNow:HHmmss}";

    public IReadOnlyList<BenchUser> Users => _users;

    public double RegistrationsPerSecond { get; private set; }

    public async Task GrowAsync(int count)
    {
        int missing = count - _users.Count;
        if (missing <= 0)
        {
            return;
        }

        BenchLog.Write($"registering {missing} users");
        BenchUser[] registered = new BenchUser[missing];
        int first = _users.Count;
        Stopwatch elapsed = Stopwatch.StartNew();
        await Parallel.ForAsync(0, missing, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
            registered[i] = new BenchUser(await api.RegisterAsync($"{_prefix}u{first + i}", Password)));
        RegistrationsPerSecond = missing / elapsed.Elapsed.TotalSeconds;
        _users.AddRange(registered);
        BenchLog.Write($"registered {missing} users at {RegistrationsPerSecond:0} /s");
    }

    /// <summary>Refreshes tokens past half their lifetime, so a long run never meets an expired one.</summary>
    public async Task RefreshStaleAsync()
    {
        BenchUser[] stale = [.. _users.Where(u => Stopwatch.GetElapsedTime(u.IssuedAt) > u.Lifetime / 2)];
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (user, _) =>
            user.Renew(await api.RefreshAsync(user.RefreshToken)));
    }
}
