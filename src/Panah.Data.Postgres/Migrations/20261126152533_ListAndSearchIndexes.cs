using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListAndSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SearchTokens",
                table: "SearchTokens");

            migrationBuilder.DropIndex(
                name: "IX_SearchTokens_Kind_Hash",
                table: "SearchTokens");

            migrationBuilder.DropIndex(
                name: "IX_People_BirthYear",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Sex_BirthYear",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "SearchTokens");

            migrationBuilder.AddColumn<string>(
                name: "District",
                table: "People",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            // Copy each household's district to its members.
            migrationBuilder.Sql("""UPDATE "People" p SET "District" = h."District" FROM "Households" h WHERE h."Id" = p."HouseholdId";""");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SearchTokens",
                table: "SearchTokens",
                columns: new[] { "Kind", "Hash", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_BirthYear_Id",
                table: "People",
                columns: new[] { "BirthYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_District_Id",
                table: "People",
                columns: new[] { "District", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_Sex_Id",
                table: "People",
                columns: new[] { "Sex", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SearchTokens",
                table: "SearchTokens");

            migrationBuilder.DropIndex(
                name: "IX_People_BirthYear_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_District_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Sex_Id",
                table: "People");

            migrationBuilder.DropColumn(
                name: "District",
                table: "People");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "SearchTokens",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_SearchTokens",
                table: "SearchTokens",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_SearchTokens_Kind_Hash",
                table: "SearchTokens",
                columns: new[] { "Kind", "Hash" });

            migrationBuilder.CreateIndex(
                name: "IX_People_BirthYear",
                table: "People",
                column: "BirthYear");

            migrationBuilder.CreateIndex(
                name: "IX_People_Sex_BirthYear",
                table: "People",
                columns: new[] { "Sex", "BirthYear" });
        }
    }
}
