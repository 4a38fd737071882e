using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_FieldOfficeId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "FieldOfficeId",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<int>(
                name: "FieldOfficeId",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing people take their household's field office (Panah.Data/Access/AccessSql.cs).
            Panah.Data.Access.AccessSql.Up(migrationBuilder, postgres: false);

            migrationBuilder.CreateTable(
                name: "AccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessGrants_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccessGrants_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffOffices",
                columns: table => new
                {
                    StaffUserId = table.Column<string>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffOffices", x => new { x.StaffUserId, x.FieldOfficeId });
                    table.ForeignKey(
                        name: "FK_StaffOffices_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffOffices_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffProgrammes",
                columns: table => new
                {
                    StaffUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffProgrammes", x => new { x.StaffUserId, x.Programme });
                    table.ForeignKey(
                        name: "FK_StaffProgrammes_AspNetUsers_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_FieldOffice_Id",
                table: "People",
                columns: new[] { "FieldOfficeId", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_FieldOffice_Sex_Id",
                table: "People",
                columns: new[] { "FieldOfficeId", "Sex", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Households_FieldOfficeId_Id",
                table: "Households",
                columns: new[] { "FieldOfficeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_HouseholdId",
                table: "AccessGrants",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_StaffUserId_Status",
                table: "AccessGrants",
                columns: new[] { "StaffUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessGrants_Status_HouseholdId",
                table: "AccessGrants",
                columns: new[] { "Status", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffOffices_FieldOfficeId",
                table: "StaffOffices",
                column: "FieldOfficeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessGrants");

            migrationBuilder.DropTable(
                name: "StaffOffices");

            migrationBuilder.DropTable(
                name: "StaffProgrammes");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_FieldOffice_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_FieldOffice_Sex_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Households_FieldOfficeId_Id",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "FieldOfficeId",
                table: "People");

            migrationBuilder.AddColumn<int>(
                name: "FieldOfficeId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_FieldOfficeId",
                table: "Households",
                column: "FieldOfficeId");
        }
    }
}
