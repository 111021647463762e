using Confab.Messages;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <summary>
    /// New messages are indexed for search after their commit (<see cref="SearchIndex"/>), no longer by a trigger inside
    /// it. Edits and deletes still reach the index through their triggers.
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
            migrationBuilder.Sql(SearchIndex.CatchUpSql + ";");
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearchInsert AFTER INSERT ON Messages BEGIN
                    INSERT INTO MessageSearch (rowid, Content) VALUES (new.rowid, new.Content);
                END;
                """);
        }
    }
}
