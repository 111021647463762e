using Confab.Data;
using Microsoft.EntityFrameworkCore;

namespace Confab.Tests.Data;

public sealed class MigrationTests(ConfabFactory app) : IClassFixture<ConfabFactory>
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();

        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: scripts/add-migration.sh NAME");
        db.Database.GetPendingMigrations().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();

        var mode = await db.Database.SqlQuery<string>($"PRAGMA journal_mode").ToListAsync();

        mode.ShouldBe(["wal"]);
    }

    // Both indexes leave out rows whose column is null, and a lookup that gives the column a value still uses them.
    [Theory]
    [InlineData("IX_Messages_ParentId_Seq", "ParentId",
        """SELECT "Id" FROM "Messages" WHERE "ParentId" = $id AND "Seq" > 0 ORDER BY "Seq" LIMIT 51""", "(ParentId=? AND Seq>?)")]
    [InlineData("IX_Messages_ChannelId_AuthorId_ClientMessageId", "ClientMessageId",
        """SELECT "Id" FROM "Messages" WHERE "ChannelId" = $id AND "AuthorId" = $id AND "ClientMessageId" = $id""",
        "(ChannelId=? AND AuthorId=? AND ClientMessageId=?)")]
    public async Task Message_indexes_leave_out_nulls_and_still_serve_lookups(string index, string column, string lookup, string terms)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();

        var definition = await QueryAsync(db, """SELECT "sql" FROM "sqlite_master" WHERE "name" = $id""", index, column: 0);
        var plan = await QueryAsync(db, "EXPLAIN QUERY PLAN " + lookup, "x", column: 3);

        definition.Single().ShouldEndWith($"WHERE \"{column}\" IS NOT NULL");
        plan.ShouldBe([$"SEARCH Messages USING INDEX {index} {terms}"]);
    }

    [Theory]
    [InlineData("Messages", "AuthorId", false)]
    [InlineData("MessageMentions", "UserId", false)]
    [InlineData("Reactions", "UserId", false)]
    [InlineData("Notifications", "ActorId", false)]
    [InlineData("Channels", "CreatedBy", false)]
    [InlineData("ChannelMembers", "UserId", true)]
    [InlineData("RefreshTokens", "UserId", true)]
    public async Task Foreign_keys_to_users_are_kept_and_indexed_only_where_a_configuration_asks(
        string table, string column, bool indexed)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDb>();

        var toUsers = await QueryAsync(db, """SELECT "from" FROM pragma_foreign_key_list($id) WHERE "table" = 'Users'""", table, column: 0);
        var ledByColumn = await QueryAsync(db, $"""
            SELECT i."name" FROM pragma_index_list($id) AS i, pragma_index_info(i."name") AS c
            WHERE c."seqno" = 0 AND c."name" = '{column}'
            """, table, column: 0);

        toUsers.ShouldContain(column);
        (ledByColumn.Count > 0).ShouldBe(indexed, $"indexes led by {table}.{column}: {string.Join(", ", ledByColumn)}");
    }

    static async Task<List<string>> QueryAsync(ChatDb db, string sql, string id, int column)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("$id", id);
        command.Parameters.Add(parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(column));
        return values;
    }
}
