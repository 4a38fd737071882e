using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WipExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExportRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ArmouredKey = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportRecipients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExportRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SealedPurpose = table.Column<byte[]>(type: "bytea", nullable: false),
                    DataKeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Columns = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: true),
                    District = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowsAtRequest = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProducedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProducedRows = table.Column<int>(type: "integer", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExportRequests");

            migrationBuilder.DropTable(
                name: "ExportRecipients");
        }
    }
}
