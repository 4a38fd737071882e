using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_BirthYear_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_District_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Sex_Id",
                table: "People");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "People",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DuplicateReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonAId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonBId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Probability = table.Column<double>(type: "double precision", nullable: false),
                    Reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateReviews_People_PersonAId",
                        column: x => x.PersonAId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DuplicateReviews_People_PersonBId",
                        column: x => x.PersonBId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateReviews_PersonAId_PersonBId",
                table: "DuplicateReviews",
                columns: new[] { "PersonAId", "PersonBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateReviews_PersonBId",
                table: "DuplicateReviews",
                column: "PersonBId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateReviews_Status_Probability",
                table: "DuplicateReviews",
                columns: new[] { "Status", "Probability" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateReviews");

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

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "People");

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
    }
}
