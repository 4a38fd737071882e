using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CasePlansScenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CasePlanItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasePlanItems_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProvidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProvidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseServices_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "TracingRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SearchedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TracingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TracingRequests_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TracingMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Probability = table.Column<double>(type: "REAL", nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevealedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TracingMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TracingMatches_ProtectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProtectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TracingMatches_TracingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TracingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CasePlanItems_CaseId",
                table: "CasePlanItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseServices_CaseId",
                table: "CaseServices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanningScenarios_Name",
                table: "PlanningScenarios",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TracingMatches_CaseId_RequestId",
                table: "TracingMatches",
                columns: new[] { "CaseId", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_TracingMatches_RequestId",
                table: "TracingMatches",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_TracingRequests_CaseId",
                table: "TracingRequests",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CasePlanItems");

            migrationBuilder.DropTable(
                name: "CaseServices");

            migrationBuilder.DropTable(
                name: "PlanningScenarios");

            migrationBuilder.DropTable(
                name: "TracingMatches");

            migrationBuilder.DropTable(
                name: "TracingRequests");
        }
    }
}
