using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Confab.Data;

/// <summary>
/// One command per SQL text on an open connection, compiled on first use and kept: Microsoft.Data.Sqlite keeps a
/// command's compiled statements only while the command and its connection live, so through EF, which creates a
/// command per run, every query is compiled again. For a few hot statements; the SQL must be constant text.
/// </summary>
public sealed class PreparedCommands : IDisposable
{
    readonly SqliteConnection connection;
    readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public PreparedCommands(SqliteConnection connection)
    {
        KeepPlans(connection);
        this.connection = connection;
    }

    /// <summary>The command for <paramref name="sql"/>, with these parameters, in <paramref name="transaction"/> if any.</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            commands[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    // SQLite plans a bound LIMIT as the value it holds and marks the statement stale whenever it is bound again, so a
    // kept page read was compiled anew on every run (a uprobe counted one recompile per history request). With the
    // planner's stability guarantee, plans never depend on bound values and kept statements stay compiled. It holds for
    // the whole connection, so the writer's EF queries on it are planned the same way; none of them matches a parameter
    // with LIKE, the other place where SQLite plans on a bound value.
    static void KeepPlans(SqliteConnection connection)
    {
        if (raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _) != raw.SQLITE_OK)
            throw new InvalidOperationException("SQLite refused the query planner stability guarantee.");
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
    }
}
