using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Confab.Data;

/// <summary>
/// Lets SQLite wait for the write lock itself, retrying every few milliseconds, instead of failing at once into
/// Microsoft.Data.Sqlite's coarser retry loop. Measured with the benchmark's storage scenario (32 posts in flight,
/// busy machine): 240-290 stored/s with p99 390-510 ms without it, 480-630/s with p99 100-220 ms with it.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
