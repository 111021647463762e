using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Confab.Data;

/// <summary>
/// Open SQLite connections that keep their compiled statements (<see cref="PreparedCommands"/>), for the few reads
/// that every post, history page, sync and published event runs; compiling them through EF took a quarter of a
/// history read's CPU (perf). Each connection is rented by one reader at a time. A rental is one read transaction:
/// its statements read the same committed state, and SQLite takes and drops its file and log locks once for all of
/// them rather than once for each (those locks were a twentieth of a one-message history read's CPU). Returning the
/// rental ends the transaction, so no snapshot is held between rentals. Do not use it inside a transaction of the
/// context.
/// </summary>
public sealed class KeptStatements(string connectionString) : IDisposable
{
    // Enough for the reads that run at once on a small machine; a rental beyond them opens a connection, used once.
    const int MaxIdle = 16;

    readonly ConcurrentBag<Session> idle = [];

    public Session Rent()
    {
        if (!idle.TryTake(out var session))
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqliteBusyTimeout.Apply(connection);
            session = new Session(this, connection);
        }
        try
        {
            session.Begin();
        }
        catch
        {
            session.Close();
            throw;
        }
        return session;
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

        // Deferred: the snapshot is taken by the first read, and nothing is locked for writing.
        internal void Begin() => commands.Get("BEGIN", transaction: null).ExecuteNonQuery();

        public void Dispose()
        {
            try
            {
                commands.Get("COMMIT", transaction: null).ExecuteNonQuery();
            }
            catch
            {
                // A connection that could not end its transaction is not rented again.
                Close();
                throw;
            }
            owner.Return(this);
        }

        internal void Close()
        {
            commands.Dispose();
            connection.Dispose();
        }
    }
}
