using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <summary>
    /// New messages are indexed for search after their commit (<see cref="Messages.SearchIndex"/>), no longer by a
    /// trigger inside it. Edits and deletes still reach the index through their triggers. The catch-up that undoing this
    /// runs is written out here, so that the migration stays as it was when the application's own catch-up changes.
    /// </summary>
    public partial class SearchIndexAfterCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER MessageSearchInsert;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO MessageSearch (rowid, Content)
                SELECT "rowid", "Content" FROM "Messages"
                WHERE "rowid" > coalesce((SELECT rowid FROM MessageSearch ORDER BY rowid DESC LIMIT 1), 0);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearchInsert AFTER INSERT ON Messages BEGIN
                    INSERT INTO MessageSearch (rowid, Content) VALUES (new.rowid, new.Content);
                END;
                """);
        }
    }
}
