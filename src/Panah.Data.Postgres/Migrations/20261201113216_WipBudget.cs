using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WipBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReadBlocks",
                columns: table => new
                {
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlockedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiftedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadBlocks", x => x.StaffUserId);
                });

            migrationBuilder.CreateTable(
                name: "ServiceReadBudgets",
                columns: table => new
                {
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PerHour = table.Column<int>(type: "integer", nullable: false),
                    PerDay = table.Column<int>(type: "integer", nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceReadBudgets", x => x.StaffUserId);
                });

            migrationBuilder.CreateTable(
                name: "WindowCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Window = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Expires = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowCounters", x => new { x.Key, x.Window });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WindowCounters_Expires",
                table: "WindowCounters",
                column: "Expires");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReadBlocks");

            migrationBuilder.DropTable(
                name: "ServiceReadBudgets");

            migrationBuilder.DropTable(
                name: "WindowCounters");
        }
    }
}
