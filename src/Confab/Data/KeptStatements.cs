using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Confab.Data;

/// <summary>
/// Open SQLite connections that keep their compiled statements, for the few reads that every history page, sync and
/// published event runs. A Microsoft.Data.Sqlite command keeps its compiled statements only while both the command and
/// its connection live, so through EF every query is compiled again; in a history read that compiling took a quarter
/// of the server's CPU (perf). Here each connection is rented by one reader at a time and keeps one prepared command
/// per SQL text. Readers are always disposed, which resets their statements, so no statement holds a read snapshot
/// between rentals. Each statement reads what is committed: do not use it inside a transaction of the context.
/// </summary>
public sealed class KeptStatements(string connectionString) : IDisposable
{
    // Enough for the reads that run at once on a small machine; a rental beyond them opens a connection, used once.
    const int MaxIdle = 16;

    readonly ConcurrentBag<Session> idle = [];

    public Session Rent()
    {
        if (idle.TryTake(out var session))
            return session;
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new Session(this, connection);
    }

    public void Dispose()
    {
        while (idle.TryTake(out var session))
            session.Close();
    }

    void Return(Session session)
    {
        if (idle.Count < MaxIdle)
            idle.Add(session);
        else
            session.Close();
    }

    /// <summary>One rented connection with its commands; disposing it gives it back.</summary>
    public sealed class Session(KeptStatements owner, SqliteConnection connection) : IDisposable
    {
        readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        /// <summary>Runs <paramref name="sql"/>, compiled on this connection's first use of it, with these parameters.</summary>
        public SqliteDataReader Query(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                command.Prepare();
                commands[sql] = command;
            }
            command.Parameters.Clear();
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            return command.ExecuteReader();
        }

        public void Dispose() => owner.Return(this);

        internal void Close()
        {
            foreach (var command in commands.Values)
                command.Dispose();
            connection.Dispose();
        }
    }
}
