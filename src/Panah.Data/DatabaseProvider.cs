namespace Panah.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where Panah keeps its data. Bound from configuration section <c>Panah</c>.</summary>
public sealed class PanahDataOptions
{
    /// <summary>Data directory for the SQLite file (and a master key an earlier version left there). <c>PANAH_DATA</c>, default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The master key file. <c>PANAH_KEY_FILE</c>, default <see cref="Crypto.KeyRing.DefaultKeyFile"/> (outside the data directory).</summary>
    public string? KeyFile { get; set; }

    /// <summary>True when the SQLite database is Panah's own file inside the data directory.</summary>
    public bool DatabaseInDataDirectory => Provider == DatabaseProvider.Sqlite && ConnectionString is null;

    public string SqliteFile => Path.Combine(DataDirectory, "panah.db");

    /// <summary>Required for PostgreSQL; for SQLite defaults to <c>panah.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL connection string with Panah's defaults wherever the operator did not set the keyword:
    /// <c>No Reset On Close</c> (Panah keeps no session state: its settings and advisory locks are transaction-scoped,
    /// so the <c>DISCARD ALL</c> Npgsql sends each time a pooled connection is reopened, about one statement in four
    /// on a distribution day, buys nothing) and automatic preparation of the statements a connection runs repeatedly
    /// (<c>Max Auto Prepare</c>, <c>Auto Prepare Min Usages</c>), which spares PostgreSQL parsing and planning them
    /// each time. Together they took a collection from 7.1 to 3.0 ms of PostgreSQL CPU (BENCHMARKS.md).
    /// </summary>
    public string PostgresConnectionString()
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = ConnectionString ?? "" };
        var named = given.Keys.Cast<string>().Select(Keyword).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString ?? "");
        foreach (var (keyword, value) in PostgresDefaults.Where(d => !named.Contains(Keyword(d.Keyword))))
        {
            builder[keyword] = value;
        }
        return builder.ConnectionString;
    }

    /// <summary>A keyword as Npgsql compares them: "No Reset On Close", "NoResetOnClose" and "no reset on close" are one.</summary>
    private static string Keyword(string k) => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Connection-string keywords Panah sets for PostgreSQL unless the operator names them.</summary>
    public static readonly IReadOnlyList<(string Keyword, object Value)> PostgresDefaults =
        [("No Reset On Close", true), ("Max Auto Prepare", 64), ("Auto Prepare Min Usages", 2)];

    public string SqliteConnectionString() =>
        ConnectionString ?? $"Data Source={SqliteFile};Foreign Keys=True;Pooling=True";
}
