using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditSubjects",
                columns: table => new
                {
                    AuditEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                CREATE TRIGGER audit_subjects_no_update BEFORE UPDATE ON AuditSubjects
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_subjects_no_delete BEFORE DELETE ON AuditSubjects
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_subjects_no_update;");
            migrationBuilder.Sql("DROP TRIGGER audit_subjects_no_delete;");
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "AuditSubjects");
        }
    }
}
