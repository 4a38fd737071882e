using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditSubjectsAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StaffUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSubjects",
                columns: table => new
                {
                    AuditEntryId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSubjects", x => new { x.AuditEntryId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_AuditSubjects_AuditEntries_AuditEntryId",
                        column: x => x.AuditEntryId,
                        principalTable: "AuditEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ResolvedAt_RaisedAt",
                table: "Alerts",
                columns: new[] { "ResolvedAt", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_StaffUserId_Kind",
                table: "Alerts",
                columns: new[] { "StaffUserId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditSubjects_PersonId",
                table: "AuditSubjects",
                column: "PersonId");

            // The people an entry names are part of it: as append-only as the entry itself.
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_subjects_no_change BEFORE UPDATE OR DELETE ON "AuditSubjects"
                FOR EACH ROW EXECUTE FUNCTION audit_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_subjects_no_truncate BEFORE TRUNCATE ON "AuditSubjects"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER audit_subjects_no_truncate ON "AuditSubjects";""");
            migrationBuilder.Sql("""DROP TRIGGER audit_subjects_no_change ON "AuditSubjects";""");
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "AuditSubjects");
        }
    }
}
