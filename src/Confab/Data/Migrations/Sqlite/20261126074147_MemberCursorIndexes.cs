using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberCursorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChannelMembers_ChannelId_LastDeliveredSeq",
                table: "ChannelMembers",
                columns: new[] { "ChannelId", "LastDeliveredSeq" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMembers_ChannelId_LastReadSeq",
                table: "ChannelMembers",
                columns: new[] { "ChannelId", "LastReadSeq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChannelMembers_ChannelId_LastDeliveredSeq",
                table: "ChannelMembers");

            migrationBuilder.DropIndex(
                name: "IX_ChannelMembers_ChannelId_LastReadSeq",
                table: "ChannelMembers");
        }
    }
}
