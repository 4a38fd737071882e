using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WipCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntitlementAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EntitlementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "integer", nullable: false),
                    OldMembers = table.Column<int>(type: "integer", nullable: false),
                    NewMembers = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntitlementAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntitlementAdjustments_DistributionCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DistributionCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntitlementAdjustments_Entitlements_EntitlementId",
                        column: x => x.EntitlementId,
                        principalTable: "Entitlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntitlementAdjustments_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntitlementAdjustmentItem",
                columns: table => new
                {
                    AdjustmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommodityId = table.Column<int>(type: "integer", nullable: false),
                    Packs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntitlementAdjustmentItem", x => new { x.AdjustmentId, x.CommodityId });
                    table.ForeignKey(
                        name: "FK_EntitlementAdjustmentItem_Commodities_CommodityId",
                        column: x => x.CommodityId,
                        principalTable: "Commodities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntitlementAdjustmentItem_EntitlementAdjustments_Adjustment~",
                        column: x => x.AdjustmentId,
                        principalTable: "EntitlementAdjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementAdjustmentItem_CommodityId",
                table: "EntitlementAdjustmentItem",
                column: "CommodityId");

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementAdjustments_CycleId_Status",
                table: "EntitlementAdjustments",
                columns: new[] { "CycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementAdjustments_EntitlementId_Status",
                table: "EntitlementAdjustments",
                columns: new[] { "EntitlementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementAdjustments_HouseholdId",
                table: "EntitlementAdjustments",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntitlementAdjustmentItem");

            migrationBuilder.DropTable(
                name: "EntitlementAdjustments");
        }
    }
}
