using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatchIndexChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchIndexChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatchIndexChanges_At",
                table: "MatchIndexChanges",
                column: "At");

            Panah.Data.Matching.MatchIndexSql.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Panah.Data.Matching.MatchIndexSql.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "MatchIndexChanges");
        }
    }
}
