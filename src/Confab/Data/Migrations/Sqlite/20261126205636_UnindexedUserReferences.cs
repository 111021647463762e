using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Confab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnindexedUserReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reactions_UserId",
                table: "Reactions");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ActorId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Messages_AuthorId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_MessageMentions_UserId",
                table: "MessageMentions");

            migrationBuilder.DropIndex(
                name: "IX_Channels_CreatedBy",
                table: "Channels");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reactions_UserId",
                table: "Reactions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ActorId",
                table: "Notifications",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AuthorId",
                table: "Messages",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageMentions_UserId",
                table: "MessageMentions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Channels_CreatedBy",
                table: "Channels",
                column: "CreatedBy");
        }
    }
}
