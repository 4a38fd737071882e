using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WipFood : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Baskets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Baskets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Commodities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KcalPer100g = table.Column<double>(type: "REAL", nullable: false),
                    ProteinPer100g = table.Column<double>(type: "REAL", nullable: false),
                    FatPer100g = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PackGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    PackLabel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commodities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FoodCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoodCards_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FoodLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoodLocations_FieldOffices_FieldOfficeId",
                        column: x => x.FieldOfficeId,
                        principalTable: "FieldOffices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FoodProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MinDaysBetweenCollections = table.Column<int>(type: "INTEGER", nullable: false),
                    OneCollectionPerCycle = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BasketItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BasketId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BasketItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BasketItem_Baskets_BasketId",
                        column: x => x.BasketId,
                        principalTable: "Baskets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BasketItem_Commodities_CommodityId",
                        column: x => x.CommodityId,
                        principalTable: "Commodities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DistributionCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysCovered = table.Column<int>(type: "INTEGER", nullable: false),
                    BasketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MultiplierCap = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributionCycles_Baskets_BasketId",
                        column: x => x.BasketId,
                        principalTable: "Baskets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DistributionCycles_FoodProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "FoodProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CyclePoint",
                columns: table => new
                {
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CyclePoint", x => new { x.CycleId, x.LocationId });
                    table.ForeignKey(
                        name: "FK_CyclePoint_DistributionCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DistributionCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CyclePoint_FoodLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "FoodLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Entitlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entitlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entitlements_DistributionCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "DistributionCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Entitlements_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntitlementItems",
                columns: table => new
                {
                    EntitlementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Packs = table.Column<int>(type: "INTEGER", nullable: false),
                    CollectedPacks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntitlementItems", x => new { x.EntitlementId, x.CommodityId });
                    table.CheckConstraint("CK_EntitlementItems_Collected", "\"CollectedPacks\" >= 0 AND \"CollectedPacks\" <= \"Packs\"");
                    table.ForeignKey(
                        name: "FK_EntitlementItems_Commodities_CommodityId",
                        column: x => x.CommodityId,
                        principalTable: "Commodities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EntitlementItems_Entitlements_EntitlementId",
                        column: x => x.EntitlementId,
                        principalTable: "Entitlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Redemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntitlementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CollectedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Redemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Redemptions_Entitlements_EntitlementId",
                        column: x => x.EntitlementId,
                        principalTable: "Entitlements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Redemptions_FoodLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "FoodLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RedemptionItem",
                columns: table => new
                {
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Packs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RedemptionItem", x => new { x.RedemptionId, x.CommodityId });
                    table.CheckConstraint("CK_RedemptionItems_Packs", "\"Packs\" > 0");
                    table.ForeignKey(
                        name: "FK_RedemptionItem_Redemptions_RedemptionId",
                        column: x => x.RedemptionId,
                        principalTable: "Redemptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BasketItem_BasketId_CommodityId",
                table: "BasketItem",
                columns: new[] { "BasketId", "CommodityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BasketItem_CommodityId",
                table: "BasketItem",
                column: "CommodityId");

            migrationBuilder.CreateIndex(
                name: "IX_Commodities_Code",
                table: "Commodities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CyclePoint_LocationId",
                table: "CyclePoint",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionCycles_BasketId",
                table: "DistributionCycles",
                column: "BasketId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionCycles_ProgrammeId",
                table: "DistributionCycles",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementItems_CommodityId",
                table: "EntitlementItems",
                column: "CommodityId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_CycleId_HouseholdId",
                table: "Entitlements",
                columns: new[] { "CycleId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_HouseholdId",
                table: "Entitlements",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Entitlements_Status_FieldOfficeId_Id",
                table: "Entitlements",
                columns: new[] { "Status", "FieldOfficeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FoodCards_HouseholdId_Sequence",
                table: "FoodCards",
                columns: new[] { "HouseholdId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoodCards_Number",
                table: "FoodCards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoodLocations_Code",
                table: "FoodLocations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoodLocations_FieldOfficeId",
                table: "FoodLocations",
                column: "FieldOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_EntitlementId_Round",
                table: "Redemptions",
                columns: new[] { "EntitlementId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_HouseholdId_At",
                table: "Redemptions",
                columns: new[] { "HouseholdId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_IdempotencyKey",
                table: "Redemptions",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_LocationId_At",
                table: "Redemptions",
                columns: new[] { "LocationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BasketItem");

            migrationBuilder.DropTable(
                name: "CyclePoint");

            migrationBuilder.DropTable(
                name: "EntitlementItems");

            migrationBuilder.DropTable(
                name: "FoodCards");

            migrationBuilder.DropTable(
                name: "RedemptionItem");

            migrationBuilder.DropTable(
                name: "Commodities");

            migrationBuilder.DropTable(
                name: "Redemptions");

            migrationBuilder.DropTable(
                name: "Entitlements");

            migrationBuilder.DropTable(
                name: "FoodLocations");

            migrationBuilder.DropTable(
                name: "DistributionCycles");

            migrationBuilder.DropTable(
                name: "Baskets");

            migrationBuilder.DropTable(
                name: "FoodProgrammes");
        }
    }
}
