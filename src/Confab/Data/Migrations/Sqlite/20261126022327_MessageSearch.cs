using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <summary>
    /// An FTS5 index over message content, kept in step by triggers, keyed by the message row's rowid.
    /// Deleted messages have empty content, so they never match; edits re-index the current text.
    /// </summary>
    public partial class MessageSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE MessageSearch USING fts5(Content, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearchInsert AFTER INSERT ON Messages BEGIN
                    INSERT INTO MessageSearch (rowid, Content) VALUES (new.rowid, new.Content);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearchUpdate AFTER UPDATE OF Content ON Messages BEGIN
                    UPDATE MessageSearch SET Content = new.Content WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER MessageSearchDelete AFTER DELETE ON Messages BEGIN
                    DELETE FROM MessageSearch WHERE rowid = old.rowid;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER MessageSearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER MessageSearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER MessageSearchInsert;");
            migrationBuilder.Sql("DROP TABLE MessageSearch;");
        }
    }
}
