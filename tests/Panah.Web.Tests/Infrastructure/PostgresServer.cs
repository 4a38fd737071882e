using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, made with the machine's own initdb and
/// pg_ctl on a free port, stopped and deleted when the run ends. As root it runs as the postgres
/// user (initdb refuses root). Tests that need it fail, never skip, when PostgreSQL is missing.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start);
    private readonly string directory;
    private readonly string bin;
    private readonly bool asPostgresUser;

    private PostgresServer(string directory, string bin, int port, bool asPostgresUser)
    {
        this.directory = directory;
        this.bin = bin;
        Port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public static PostgresServer Instance => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=false";

    private static PostgresServer Start()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL 15 (apt-get install postgresql) — .ci/run does.");
        var root = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "panah-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (root)
        {
            Run("chown", ["postgres:postgres", dir], asPostgres: false);
        }
        var port = FreePort();
        Run(Path.Combine(bin, "initdb"), ["-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], root);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000", "start"], root);
        var server = new PostgresServer(dir, bin, port, root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser);
            Directory.Delete(directory, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Best effort at exit: the temp directory is all that can be left behind.
        }
    }

    private static string? FindBin()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PANAH_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] args, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({(process.HasExited ? process.ExitCode : -1)}): {stderr.Result}{stdout.Result}");
        }
    }
}
