using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PdmSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Z = table.Column<double>(type: "REAL", nullable: false),
                    MarginOfError = table.Column<double>(type: "REAL", nullable: false),
                    NonResponseInflation = table.Column<double>(type: "REAL", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdmSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PdmSamples_DistributionCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DistributionCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PdmSampleHouseholds",
                columns: table => new
                {
                    SampleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdmSampleHouseholds", x => new { x.SampleId, x.HouseholdId });
                    table.ForeignKey(
                        name: "FK_PdmSampleHouseholds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PdmSampleHouseholds_PdmSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "PdmSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PdmSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SampleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnumeratorId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DataKeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Fcs = table.Column<double>(type: "REAL", nullable: true),
                    FcsCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    Rcsi = table.Column<int>(type: "INTEGER", nullable: true),
                    Hhs = table.Column<int>(type: "INTEGER", nullable: false),
                    Lcs = table.Column<int>(type: "INTEGER", nullable: false),
                    FoodShare = table.Column<double>(type: "REAL", nullable: true),
                    Fes = table.Column<int>(type: "INTEGER", nullable: true),
                    Cari = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdmSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PdmSurveys_DataKeys_DataKeyId",
                        column: x => x.DataKeyId,
                        principalTable: "DataKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdmSurveys_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PdmSurveys_PdmSamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "PdmSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PdmSampleHouseholds_HouseholdId",
                table: "PdmSampleHouseholds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_PdmSamples_CycleId",
                table: "PdmSamples",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PdmSurveys_CycleId",
                table: "PdmSurveys",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_PdmSurveys_DataKeyId",
                table: "PdmSurveys",
                column: "DataKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_PdmSurveys_HouseholdId",
                table: "PdmSurveys",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_PdmSurveys_SampleId_HouseholdId",
                table: "PdmSurveys",
                columns: new[] { "SampleId", "HouseholdId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PdmSampleHouseholds");

            migrationBuilder.DropTable(
                name: "PdmSurveys");

            migrationBuilder.DropTable(
                name: "PdmSamples");
        }
    }
}
