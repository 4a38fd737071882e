using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WipPerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances");

            migrationBuilder.AddColumn<short>(
                name: "Stripe",
                table: "StockBalances",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances",
                columns: new[] { "LocationId", "CommodityId", "Batch", "Stripe" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances");

            migrationBuilder.DropColumn(
                name: "Stripe",
                table: "StockBalances");

            migrationBuilder.AddPrimaryKey(
                name: "PK_StockBalances",
                table: "StockBalances",
                columns: new[] { "LocationId", "CommodityId", "Batch" });
        }
    }
}
