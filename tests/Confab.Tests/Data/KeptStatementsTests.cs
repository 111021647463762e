using Confab.Data;
using Microsoft.Data.Sqlite;

namespace Confab.Tests.Data;

public sealed class KeptStatementsTests : IDisposable
{
    const string ReadValue = "SELECT \"Value\" FROM \"Counter\"";

    readonly string databaseFile = Path.Combine(Path.GetTempPath(), "confab-tests", $"kept-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_rental_reads_one_snapshot_and_the_next_rental_sees_what_was_committed_since()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        var connectionString = $"Data Source={databaseFile};Pooling=False";
        using var writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; CREATE TABLE \"Counter\" (\"Value\" INTEGER NOT NULL); INSERT INTO \"Counter\" VALUES (1);");
        using var statements = new KeptStatements(connectionString);

        using (var session = statements.Rent())
        {
            Value(session).ShouldBe(1);
            Execute(writer, "UPDATE \"Counter\" SET \"Value\" = 2");
            Value(session).ShouldBe(1);
        }

        using (var session = statements.Rent())
            Value(session).ShouldBe(2);
    }

    static long Value(KeptStatements.Session session)
    {
        using var reader = session.Query(ReadValue);
        reader.Read().ShouldBeTrue();
        return reader.GetInt64(0);
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => File.Delete(databaseFile);
}
