using Microsoft.EntityFrameworkCore.Migrations;

namespace Panah.Data.Matching;

/// <summary>
/// PostgreSQL tells every listening app node when match index changes commit (LISTEN/NOTIFY; delivered at commit,
/// never for a rolled-back transaction). The payload is empty: a node reads the changes past its own cursor, so a
/// notification carries nothing, not even an id. SQLite serves one node and needs nothing.
/// </summary>
public static class MatchIndexSql
{
    public const string Channel = "panah_match_index";

    public static void Up(MigrationBuilder b, bool postgres)
    {
        if (!postgres)
        {
            return;
        }
        b.Sql($"""
            CREATE FUNCTION panah_match_index_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{Channel}', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER "MatchIndexChanges_Notify" AFTER INSERT ON "MatchIndexChanges"
                FOR EACH STATEMENT EXECUTE FUNCTION panah_match_index_notify();
            """);
    }

    public static void Down(MigrationBuilder b, bool postgres)
    {
        if (!postgres)
        {
            return;
        }
        b.Sql("""
            DROP TRIGGER IF EXISTS "MatchIndexChanges_Notify" ON "MatchIndexChanges";
            DROP FUNCTION IF EXISTS panah_match_index_notify();
            """);
    }
}
