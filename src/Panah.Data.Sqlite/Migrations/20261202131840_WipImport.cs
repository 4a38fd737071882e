using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedSubmissions",
                columns: table => new
                {
                    IdentityHash = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedSubmissions", x => x.IdentityHash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedSubmissions");
        }
    }
}
