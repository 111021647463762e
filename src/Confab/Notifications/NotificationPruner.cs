using Confab.Common;
using Confab.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Confab.Notifications;

/// <summary>Deletes notifications older than the retention, at start and then periodically.</summary>
public sealed partial class NotificationPruner(
    IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<NotificationPruner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PruneIntervalMinutes), clock);
        do
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                    LogPruned(logger, pruned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();
        var cutoff = clock.Now().AddDays(-options.Value.RetentionDays);
        return await db.Notifications.Where(n => n.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} notifications past retention")]
    static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning notifications failed; will retry")]
    static partial void LogFailed(ILogger logger, Exception exception);
}
