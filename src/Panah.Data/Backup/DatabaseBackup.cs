using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Panah.Data.Backup;

/// <summary>
/// Makes and restores an encrypted backup of either database. SQLite is copied online with its backup API (the
/// app may keep running); PostgreSQL with the machine's <c>pg_dump -Fc</c> / <c>pg_restore --clean</c>, streamed
/// through the cipher so no plaintext dump touches the disk. The SQLite copy lives in the owner-only data
/// directory only while it is being sealed or restored.
/// </summary>
public sealed class DatabaseBackup(PanahDataOptions options, string postgresBin)
{
    /// <summary>Where PostgreSQL's client programs are: <c>PANAH_PG_BIN</c>, else the Debian path of PostgreSQL 15, else the PATH.</summary>
    public static string PostgresBin(string? configured) =>
        !string.IsNullOrWhiteSpace(configured) ? configured : Directory.Exists("/usr/lib/postgresql/15/bin") ? "/usr/lib/postgresql/15/bin" : "";

    public async Task CreateAsync(string outFile, byte[] key, CancellationToken ct = default)
    {
        var partial = outFile + ".partial";
        try
        {
            await using (var output = OwnerOnlyFile.Open(partial, FileMode.Create))
            {
                if (options.Provider == DatabaseProvider.Postgres)
                {
                    await RunPostgresAsync("pg_dump", ["-Fc", "--no-owner"], process => BackupCipher.Encrypt(process.StandardOutput.BaseStream, output, key, options.Provider), ct);
                }
                else
                {
                    await WithSqliteCopyAsync(copy =>
                    {
                        using (var source = new SqliteConnection(options.SqliteConnectionString()))
                        using (var target = new SqliteConnection(CopyConnection(copy)))
                        {
                            source.Open();
                            target.Open();
                            source.BackupDatabase(target);
                        }
                        using var plain = new FileStream(copy, FileMode.Open, FileAccess.Read);
                        BackupCipher.Encrypt(plain, output, key, options.Provider);
                    });
                }
            }
            File.Move(partial, outFile, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public async Task RestoreAsync(string inFile, byte[] key, CancellationToken ct = default)
    {
        await using (var probe = File.OpenRead(inFile))
        {
            if (BackupCipher.ProviderOf(probe) is var provider && provider != options.Provider)
            {
                throw new InvalidOperationException($"This backup is of a {provider} database; Panah is set up for {options.Provider}.");
            }
        }
        await using var input = File.OpenRead(inFile);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            await RunPostgresAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"], process =>
            {
                BackupCipher.Decrypt(input, process.StandardInput.BaseStream, key);
                process.StandardInput.Close();
            }, ct, stdin: true);
            // The restore dropped and recreated every table: statements the pool prepared name the old ones.
            NpgsqlConnection.ClearAllPools();
            return;
        }
        await WithSqliteCopyAsync(copy =>
        {
            // Decrypted and authenticated in full before anything of the live database is touched.
            using (var plain = OwnerOnlyFile.Open(copy, FileMode.Create))
            {
                BackupCipher.Decrypt(input, plain, key);
            }
            using var source = new SqliteConnection(CopyConnection(copy));
            using var target = new SqliteConnection(options.SqliteConnectionString());
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            SqliteConnection.ClearPool(source);
        });
    }

    private static string CopyConnection(string path) => $"Data Source={path};Pooling=False";

    private async Task WithSqliteCopyAsync(Action<string> work)
    {
        var copy = Path.Combine(options.DataDirectory, $".backup-{Guid.NewGuid():N}.tmp");
        try
        {
            using (OwnerOnlyFile.Open(copy, FileMode.CreateNew))
            {
            }
            await Task.Run(() => work(copy));
        }
        finally
        {
            File.Delete(copy);
            File.Delete(copy + "-journal");
        }
    }

    private async Task RunPostgresAsync(string program, string[] arguments, Action<Process> stream, CancellationToken ct, bool stdin = false)
    {
        var cs = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var info = new ProcessStartInfo(string.IsNullOrEmpty(postgresBin) ? program : Path.Combine(postgresBin, program))
        {
            RedirectStandardOutput = !stdin,
            RedirectStandardInput = stdin,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        info.ArgumentList.Add("--dbname=" + cs.Database);
        // The password goes by environment, never on a command line other users can list.
        info.Environment["PGHOST"] = cs.Host;
        info.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = cs.Username;
        if (cs.Password is { } password)
        {
            info.Environment["PGPASSWORD"] = password;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(ct);
        await Task.Run(() => stream(process), ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}
