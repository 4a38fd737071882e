using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FoodAssistanceAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlternateCollectors",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsentedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlternateCollectors", x => new { x.HouseholdId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_AlternateCollectors_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlternateCollectors_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
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
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UntilTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false),
                    Left = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
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
                name: "StockBalances",
                columns: table => new
                {
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockBalances", x => new { x.LocationId, x.CommodityId, x.Batch });
                    table.CheckConstraint("CK_StockBalances_Quantity", "\"Quantity\" >= 0");
                    table.ForeignKey(
                        name: "FK_StockBalances_Commodities_CommodityId",
                        column: x => x.CommodityId,
                        principalTable: "Commodities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockBalances_FoodLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "FoodLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CounterpartLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Packs = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RedemptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.CheckConstraint("CK_StockMovements_Packs", "\"Packs\" <> 0");
                    table.ForeignKey(
                        name: "FK_StockMovements_Commodities_CommodityId",
                        column: x => x.CommodityId,
                        principalTable: "Commodities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockMovements_FoodLocations_CounterpartLocationId",
                        column: x => x.CounterpartLocationId,
                        principalTable: "FoodLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StockMovements_FoodLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "FoodLocations",
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
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
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
                name: "EntitlementAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntitlementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OldMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    NewMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EntitlementAdjustmentItem",
                columns: table => new
                {
                    AdjustmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommodityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Packs = table.Column<int>(type: "INTEGER", nullable: false)
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
                        name: "FK_EntitlementAdjustmentItem_EntitlementAdjustments_AdjustmentId",
                        column: x => x.AdjustmentId,
                        principalTable: "EntitlementAdjustments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_AlternateCollectors_PersonId",
                table: "AlternateCollectors",
                column: "PersonId");

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

            migrationBuilder.CreateIndex(
                name: "IX_StockBalances_CommodityId",
                table: "StockBalances",
                column: "CommodityId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_CommodityId",
                table: "StockMovements",
                column: "CommodityId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_CounterpartLocationId",
                table: "StockMovements",
                column: "CounterpartLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_LocationId_Id",
                table: "StockMovements",
                columns: new[] { "LocationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_OperationId",
                table: "StockMovements",
                column: "OperationId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_RedemptionId",
                table: "StockMovements",
                column: "RedemptionId");

            // The stock ledger is append-only (triggers): hand SQL kept with the feature.
            Panah.Data.Food.StockSql.Up(migrationBuilder, postgres: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Panah.Data.Food.StockSql.Down(migrationBuilder, postgres: false);

            migrationBuilder.DropTable(
                name: "AlternateCollectors");

            migrationBuilder.DropTable(
                name: "BasketItem");

            migrationBuilder.DropTable(
                name: "CyclePoint");

            migrationBuilder.DropTable(
                name: "EntitlementAdjustmentItem");

            migrationBuilder.DropTable(
                name: "EntitlementItems");

            migrationBuilder.DropTable(
                name: "FoodCards");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "PdmSampleHouseholds");

            migrationBuilder.DropTable(
                name: "PdmSurveys");

            migrationBuilder.DropTable(
                name: "RedemptionItem");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "StockBalances");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropTable(
                name: "EntitlementAdjustments");

            migrationBuilder.DropTable(
                name: "PdmSamples");

            migrationBuilder.DropTable(
                name: "Redemptions");

            migrationBuilder.DropTable(
                name: "Commodities");

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
