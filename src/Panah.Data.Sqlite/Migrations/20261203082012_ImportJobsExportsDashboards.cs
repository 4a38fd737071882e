using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobsExportsDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PermitExpiresOn",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExportRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArmouredKey = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportRecipients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DataKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SealedFileName = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Ok = table.Column<int>(type: "INTEGER", nullable: false),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    ColumnsJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportJobs_DataKeys_DataKeyId",
                        column: x => x.DataKeyId,
                        principalTable: "DataKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImportJobs_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportMappings",
                columns: table => new
                {
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportMappings", x => x.FormKey);
                });

            migrationBuilder.CreateTable(
                name: "ExportRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SealedPurpose = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DataKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsAtRequest = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ProducedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ProducedRows = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExportRequests_DataKeys_DataKeyId",
                        column: x => x.DataKeyId,
                        principalTable: "DataKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExportRequests_ExportRecipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "ExportRecipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Submission = table.Column<int>(type: "INTEGER", nullable: false),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CandidateHouseholdCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportJobRows_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_Dashboard",
                table: "People",
                columns: new[] { "Sex", "BirthYear", "Vulnerabilities", "PermitExpiresOn", "FieldOfficeId", "HouseholdId", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ExportRecipients_Fingerprint",
                table: "ExportRecipients",
                column: "Fingerprint");

            migrationBuilder.CreateIndex(
                name: "IX_ExportRequests_DataKeyId",
                table: "ExportRequests",
                column: "DataKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportRequests_RecipientId",
                table: "ExportRequests",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_ExportRequests_RequesterId_Status",
                table: "ExportRequests",
                columns: new[] { "RequesterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportRequests_Status",
                table: "ExportRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobRows_JobId_Submission",
                table: "ImportJobRows",
                columns: new[] { "JobId", "Submission" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_DataKeyId",
                table: "ImportJobs",
                column: "DataKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_FieldOfficeId_CreatedAt",
                table: "ImportJobs",
                columns: new[] { "FieldOfficeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_Status",
                table: "ImportJobs",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExportRequests");

            migrationBuilder.DropTable(
                name: "ImportJobRows");

            migrationBuilder.DropTable(
                name: "ImportMappings");

            migrationBuilder.DropTable(
                name: "ExportRecipients");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_Dashboard",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PermitExpiresOn",
                table: "People");
        }
    }
}
