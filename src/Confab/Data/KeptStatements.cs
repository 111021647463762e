using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Confab.Data;

/// <summary>
/// Open SQLite connections that keep their compiled statements (<see cref="PreparedCommands"/>), for the few reads
/// that every post, history page, sync and published event runs; compiling them through EF took a quarter of a
/// history read's CPU (perf). Each connection is rented by one reader at a time. Readers are always disposed, which
/// resets their statements, so no statement holds a read snapshot between rentals. Each statement reads what is
/// committed: do not use it inside a transaction of the context.
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
        SqliteBusyTimeout.Apply(connection);
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
        readonly PreparedCommands commands = new(connection);

        /// <summary>Runs <paramref name="sql"/>, compiled on this connection's first use of it, with these parameters.</summary>
        public SqliteDataReader Query(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
            commands.Get(sql, transaction: null, parameters).ExecuteReader();

        public void Dispose() => owner.Return(this);

        internal void Close()
        {
            commands.Dispose();
            connection.Dispose();
        }
    }
}
