using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditLanesReviewQueueAndMerges : Migration
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

            migrationBuilder.CreateTable(
                name: "DuplicateRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Proposed = table.Column<int>(type: "integer", nullable: false),
                    Known = table.Column<int>(type: "integer", nullable: false),
                    Deferred = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdDuplicates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    OtherHouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shared = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    HeadBefore = table.Column<Guid>(type: "uuid", nullable: true),
                    HeadAfter = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherHeadBefore = table.Column<Guid>(type: "uuid", nullable: true),
                    OtherStatusBefore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdDuplicates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    HouseholdMergeId = table.Column<Guid>(type: "uuid", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    SurvivorHouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurvivorRelationshipBefore = table.Column<int>(type: "integer", nullable: false),
                    SurvivorRelationshipAfter = table.Column<int>(type: "integer", nullable: false),
                    HeadBefore = table.Column<Guid>(type: "uuid", nullable: true),
                    HeadAfter = table.Column<Guid>(type: "uuid", nullable: true),
                    StatusBefore = table.Column<int>(type: "integer", nullable: false),
                    StatusAfter = table.Column<int>(type: "integer", nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MergedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UndoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMerges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMoves",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdDuplicateId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelationshipBefore = table.Column<int>(type: "integer", nullable: false),
                    RelationshipAfter = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMoves_HouseholdDuplicates_HouseholdDuplicateId",
                        column: x => x.HouseholdDuplicateId,
                        principalTable: "HouseholdDuplicates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Lane_Id",
                table: "AuditEntries",
                columns: new[] { "Lane", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateRuns_FinishedAt",
                table: "DuplicateRuns",
                column: "FinishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDuplicates_HouseholdId_OtherHouseholdId",
                table: "HouseholdDuplicates",
                columns: new[] { "HouseholdId", "OtherHouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDuplicates_OtherHouseholdId",
                table: "HouseholdDuplicates",
                column: "OtherHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdDuplicates_Status_Id",
                table: "HouseholdDuplicates",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMoves_HouseholdDuplicateId",
                table: "HouseholdMoves",
                column: "HouseholdDuplicateId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_HouseholdMergeId",
                table: "PersonMerges",
                column: "HouseholdMergeId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_MergedId",
                table: "PersonMerges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_SurvivorId",
                table: "PersonMerges",
                column: "SurvivorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateRuns");

            migrationBuilder.DropTable(
                name: "HouseholdMoves");

            migrationBuilder.DropTable(
                name: "PersonMerges");

            migrationBuilder.DropTable(
                name: "HouseholdDuplicates");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Lane_Id",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "AuditEntries");
        }
    }
}
