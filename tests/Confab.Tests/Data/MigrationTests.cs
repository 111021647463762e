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
}
