using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Panah.Data.Postgres.Migrations
{
    /// <summary>The audit log is append-only: the database itself refuses updates, deletes and truncation.</summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER audit_no_truncate ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER audit_no_change ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION audit_append_only();");
        }
    }
}
