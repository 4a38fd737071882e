using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AddedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProvidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProvidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "TracingRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SearchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: false)
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
