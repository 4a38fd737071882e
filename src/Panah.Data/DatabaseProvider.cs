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

    public string SqliteConnectionString() =>
        ConnectionString ?? $"Data Source={SqliteFile};Foreign Keys=True;Pooling=True";
}
