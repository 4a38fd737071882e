using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    HorizonMonths = table.Column<int>(type: "integer", nullable: false),
                    Triggers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Assumption = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Low = table.Column<double>(type: "double precision", nullable: false),
                    Likely = table.Column<double>(type: "double precision", nullable: false),
                    High = table.Column<double>(type: "double precision", nullable: false),
                    UnaccompaniedChildShare = table.Column<double>(type: "double precision", nullable: true),
                    WomenAtRiskShare = table.Column<double>(type: "double precision", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
