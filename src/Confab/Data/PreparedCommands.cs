using Microsoft.Data.Sqlite;

namespace Confab.Data;

/// <summary>
/// One command per SQL text on an open connection, compiled on first use and kept: Microsoft.Data.Sqlite keeps a
/// command's compiled statements only while the command and its connection live, so through EF, which creates a
/// command per run, every query is compiled again. For a few hot statements; the SQL must be constant text.
/// </summary>
public sealed class PreparedCommands(SqliteConnection connection) : IDisposable
{
    readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

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

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
    }
}
