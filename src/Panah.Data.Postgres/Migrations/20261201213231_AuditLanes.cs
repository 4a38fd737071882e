using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "Lane",
                table: "AuditEntries",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Lane_Id",
                table: "AuditEntries",
                columns: new[] { "Lane", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Lane_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "AuditEntries");
        }
    }
}
