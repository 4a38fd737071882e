using Microsoft.Data.Sqlite;

namespace Panah.Data;

/// <summary>
/// Files only their owner may read or write (mode 0600) in directories only their owner may enter
/// (0700): the database and its journals, keys and demo credentials. Other local users of the
/// machine see nothing, whatever the process umask.
/// </summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static FileStream Open(string path, FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }
        return new FileStream(path, options);
    }

    /// <summary>Creates <paramref name="path"/> (and its parents) owner-only, or narrows an existing one to owner-only.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, DirectoryPermissions);
        File.SetUnixFileMode(path, DirectoryPermissions);
    }

    /// <summary>
    /// Before SQLite opens <paramref name="sqliteConnectionString"/>'s file: creates it empty and owner-only
    /// (SQLite gives its -wal, -shm and -journal files the database file's mode) or narrows an existing
    /// database and its journals to owner-only.
    /// </summary>
    public static void PrepareSqliteFile(string sqliteConnectionString)
    {
        var path = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || path == ":memory:")
        {
            return;
        }
        if (!File.Exists(path))
        {
            // SQLite takes an empty file for a new database.
            using (Open(path, FileMode.CreateNew))
            {
            }
            return;
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            File.SetUnixFileMode(file, FilePermissions);
        }
    }
}
