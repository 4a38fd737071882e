using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_Active_Permit",
                table: "People",
                columns: new[] { "PermitExpiresOn", "FieldOfficeId", "HouseholdId", "Id" },
                filter: "\"MergedIntoId\" IS NULL AND \"PermitExpiresOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EntitlementItems_Collected",
                table: "EntitlementItems",
                columns: new[] { "EntitlementId", "CommodityId", "CollectedPacks" },
                filter: "\"CollectedPacks\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Active_Permit",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_EntitlementItems_Collected",
                table: "EntitlementItems");
        }
    }
}
