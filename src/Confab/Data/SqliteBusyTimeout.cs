using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Confab.Data;

/// <summary>
/// Lets SQLite wait for the write lock itself, retrying every few milliseconds, instead of failing at once into
/// Microsoft.Data.Sqlite's coarser retry loop. Measured with the benchmark's storage scenario (32 posts in flight,
/// busy machine): 240-290 stored/s with p99 390-510 ms without it, 480-630/s with p99 100-220 ms with it.
/// Set through the C API rather than a PRAGMA statement, because EF opens a connection for every query.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply((SqliteConnection)connection);

    /// <summary>For connections EF does not open, which would otherwise meet a busy database with the coarse loop.</summary>
    public static void Apply(SqliteConnection connection) => raw.sqlite3_busy_timeout(connection.Handle, Milliseconds);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}
