using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActivePeopleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId_BirthYear_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId_District_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId_Sex_Id",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_BirthYear_Id",
                table: "People",
                columns: new[] { "BirthYear", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_District_Id",
                table: "People",
                columns: new[] { "District", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_Id",
                table: "People",
                column: "Id",
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Active_Sex_Id",
                table: "People",
                columns: new[] { "Sex", "Id" },
                filter: "\"MergedIntoId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_Active_BirthYear_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_District_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Active_Sex_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId_BirthYear_Id",
                table: "People",
                columns: new[] { "MergedIntoId", "BirthYear", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId_District_Id",
                table: "People",
                columns: new[] { "MergedIntoId", "District", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId_Id",
                table: "People",
                columns: new[] { "MergedIntoId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId_Sex_Id",
                table: "People",
                columns: new[] { "MergedIntoId", "Sex", "Id" });
        }
    }
}
