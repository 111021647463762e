using Microsoft.EntityFrameworkCore;

namespace Confab.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every second, so that no commit does it. SQLite checkpoints
/// on the commit that grows the log past 1,000 pages, and that commit (with it the message writer, which every post
/// waits for) then also copies and syncs the pages: in the benchmark's fan-out scenario, posts were answered up to
/// 140 ms late and their deliveries missed the p99 limit with the server's CPU at a fifth of a core. A passive
/// checkpoint waits for no reader and no writer.
/// </summary>
public sealed partial class WalCheckpointer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    async Task CheckpointAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing the SQLite write-ahead log failed; will retry")]
    static partial void LogFailed(ILogger logger, Exception exception);
}
