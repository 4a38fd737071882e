using Microsoft.EntityFrameworkCore.Migrations;

namespace Panah.Data.Access;

/// <summary>Data the access migration must set on an existing database: each person's field office, copied from their household.</summary>
public static class AccessSql
{
    public static void Up(MigrationBuilder b, bool postgres)
    {
        _ = postgres; // The same statement serves both databases.
        b.Sql("""UPDATE "People" SET "FieldOfficeId" = (SELECT h."FieldOfficeId" FROM "Households" h WHERE h."Id" = "People"."HouseholdId");""");
    }
}
