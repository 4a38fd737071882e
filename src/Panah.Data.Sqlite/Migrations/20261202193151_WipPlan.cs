using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanningScenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HorizonMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Triggers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Assumption = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Low = table.Column<double>(type: "REAL", nullable: false),
                    Likely = table.Column<double>(type: "REAL", nullable: false),
                    High = table.Column<double>(type: "REAL", nullable: false),
                    UnaccompaniedChildShare = table.Column<double>(type: "REAL", nullable: true),
                    WomenAtRiskShare = table.Column<double>(type: "REAL", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanningScenarios", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanningScenarios_Name",
                table: "PlanningScenarios",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanningScenarios");
        }
    }
}
