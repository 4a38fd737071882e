using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WipIncr : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Compared",
                table: "DuplicateRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Incremental",
                table: "DuplicateRuns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Model",
                table: "DuplicateRuns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "DuplicateRuns",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "HouseholdMergeFoodChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdDuplicateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Change = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false),
                    StatusBefore = table.Column<int>(type: "integer", nullable: false),
                    ReasonBefore = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FieldOfficeBefore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMergeFoodChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMergeFoodChanges_HouseholdDuplicates_HouseholdDupl~",
                        column: x => x.HouseholdDuplicateId,
                        principalTable: "HouseholdDuplicates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMergeFoodChanges_HouseholdDuplicateId",
                table: "HouseholdMergeFoodChanges",
                column: "HouseholdDuplicateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdMergeFoodChanges");

            migrationBuilder.DropColumn(
                name: "Compared",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "Incremental",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "Model",
                table: "DuplicateRuns");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "DuplicateRuns");
        }
    }
}
