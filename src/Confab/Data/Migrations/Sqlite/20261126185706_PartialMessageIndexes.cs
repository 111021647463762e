using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartialMessageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ChannelId_AuthorId_ClientMessageId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ParentId_Seq",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ChannelId_AuthorId_ClientMessageId",
                table: "Messages",
                columns: new[] { "ChannelId", "AuthorId", "ClientMessageId" },
                unique: true,
                filter: "\"ClientMessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ParentId_Seq",
                table: "Messages",
                columns: new[] { "ParentId", "Seq" },
                filter: "\"ParentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ChannelId_AuthorId_ClientMessageId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ParentId_Seq",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ChannelId_AuthorId_ClientMessageId",
                table: "Messages",
                columns: new[] { "ChannelId", "AuthorId", "ClientMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ParentId_Seq",
                table: "Messages",
                columns: new[] { "ParentId", "Seq" });
        }
    }
}
