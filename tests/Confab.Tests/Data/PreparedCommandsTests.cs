using Confab.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Confab.Tests.Data;

public sealed class PreparedCommandsTests : IDisposable
{
    // SQLITE_STMTSTATUS_REPREPARE in sqlite3.h, which SQLitePCLRaw does not name.
    const int StatusRecompiles = 5;
    static readonly int[] Takes = [1, 3, 2];

    readonly string databaseFile = Path.Combine(Path.GetTempPath(), "confab-tests", $"prepared-{Guid.NewGuid():N}.db");

    [Fact]
    public void A_kept_statement_with_a_bound_limit_runs_again_without_being_compiled_again()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databaseFile)!);
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        connection.Open();
        connection.Handle!.enable_sqlite3_next_stmt(true);
        using var commands = new PreparedCommands(connection);
        const string sql = "SELECT \"value\" FROM json_each('[1,2,3,4]') ORDER BY \"value\" LIMIT $take";

        var pages = Takes.Select(take => Values(commands.Get(sql, null, ("$take", take)))).ToList();

        pages.ShouldBe([[1], [1, 2, 3], [1, 2]]);
        Recompiles(connection).ShouldBe(0);
    }

    static List<long> Values(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
            values.Add(reader.GetInt64(0));
        return values;
    }

    static int Recompiles(SqliteConnection connection)
    {
        var total = 0;
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(connection.Handle, statement))
            total += raw.sqlite3_stmt_status(statement, StatusRecompiles, 0);
        return total;
    }

    public void Dispose() => File.Delete(databaseFile);
}
