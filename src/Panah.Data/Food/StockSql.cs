using Microsoft.EntityFrameworkCore.Migrations;

namespace Panah.Data.Food;

/// <summary>The stock ledger is append-only in the database too: a line is corrected by an adjustment, never edited or deleted.</summary>
public static class StockSql
{
    public static void Up(MigrationBuilder b, bool postgres)
    {
        if (postgres)
        {
            b.Sql("""
                CREATE FUNCTION stock_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the stock ledger is append-only'; END; $$;
                """);
            b.Sql("""
                CREATE TRIGGER stock_ledger_no_change BEFORE UPDATE OR DELETE ON "StockMovements"
                FOR EACH ROW EXECUTE FUNCTION stock_ledger_append_only();
                """);
            b.Sql("""
                CREATE TRIGGER stock_ledger_no_truncate BEFORE TRUNCATE ON "StockMovements"
                FOR EACH STATEMENT EXECUTE FUNCTION stock_ledger_append_only();
                """);
            return;
        }
        b.Sql("""
            CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON StockMovements
            BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only'); END;
            """);
        b.Sql("""
            CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON StockMovements
            BEGIN SELECT RAISE(ABORT, 'the stock ledger is append-only'); END;
            """);
    }

    public static void Down(MigrationBuilder b, bool postgres)
    {
        if (postgres)
        {
            b.Sql("""DROP TRIGGER stock_ledger_no_truncate ON "StockMovements";""");
            b.Sql("""DROP TRIGGER stock_ledger_no_change ON "StockMovements";""");
            b.Sql("DROP FUNCTION stock_ledger_append_only();");
            return;
        }
        b.Sql("DROP TRIGGER stock_ledger_no_update;");
        b.Sql("DROP TRIGGER stock_ledger_no_delete;");
    }
}
