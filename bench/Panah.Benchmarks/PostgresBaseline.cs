using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using NpgsqlTypes;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// The peer baseline: PostgreSQL pg_trgm + fuzzystrmatch. Starts a throw-away PostgreSQL 15 cluster, loads the
/// same synthetic registry, self-joins it blocked on birth year, links pairs whose full names are trigram-similar
/// (or whose given and family names have the same Double Metaphone codes, or that share a document number),
/// clusters by connected components, scores, and runs Panah on the same records for comparison.
/// </summary>
internal static class PostgresBaseline
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    public static int Run(string[] args)
    {
        var size = Args.GetInt(args, "--size", 20_000);
        var seed = Args.GetInt(args, "--seed", 42);
        var thresholds = Args.Get(args, "--similarity", "0.5,0.6,0.7,0.8,0.9").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var (records, person) = SyntheticRegistry.Generate(size, seed);
        var truth = person.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();

        var dir = Path.Combine(Path.GetTempPath(), $"panah-pg-{Environment.ProcessId}");
        var port = FreePort();
        Directory.CreateDirectory(dir);
        Exec("chown", $"postgres {dir}");
        try
        {
            Exec("runuser", $"-u postgres -- {Bin}/initdb -D {dir}/data -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8");
            Exec("runuser", $"-u postgres -- {Bin}/pg_ctl -D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=localhost -c fsync=off -c shared_buffers=256MB -c work_mem=64MB\" start");
            using var connection = new NpgsqlConnection($"Host=localhost;Port={port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=3600");
            connection.Open();
            Load(connection, records);
            foreach (var metaphone in new[] { false, true })
            {
                foreach (var t in thresholds)
                {
                    var sw = Stopwatch.StartNew();
                    var pairs = MatchPairs(connection, t, metaphone);
                    var clusters = Components(records.Count, pairs);
                    var rule = metaphone ? "or dmetaphone(given) and dmetaphone(family) equal " : string.Empty;
                    Console.WriteLine($"postgres: same birth year and (similarity(full name) >= {t:F2} {rule}or same document): " +
                        $"{pairs.Count} pairs in {sw.Elapsed.TotalSeconds:F1} s; pairwise {PairwiseScore.Of(clusters, truth)}");
                }
            }
        }
        finally
        {
            Exec("runuser", $"-u postgres -- {Bin}/pg_ctl -D {dir}/data -m fast -w stop", check: false);
            Directory.Delete(dir, true);
        }

        var watch = Stopwatch.StartNew();
        var panah = new Deduplicator().Run(records);
        Console.WriteLine($"panah on the same {records.Count} records: {watch.Elapsed.TotalSeconds:F1} s; pairwise {PairwiseScore.Of(panah.ClusterOf, truth)}");
        return 0;
    }

    private static void Load(NpgsqlConnection connection, List<PersonRecord> records)
    {
        Sql(connection, """
            CREATE EXTENSION pg_trgm;
            CREATE EXTENSION fuzzystrmatch;
            CREATE TABLE people (n int PRIMARY KEY, id text, given text, family text, father text, birth_date date, phone text, document text);
            """);
        using (var importer = connection.BeginBinaryImport("COPY people (n, id, given, family, father, birth_date, phone, document) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < records.Count; i++)
            {
                var r = records[i];
                importer.StartRow();
                importer.Write(i, NpgsqlDbType.Integer);
                importer.Write(r.Id, NpgsqlDbType.Text);
                WriteText(importer, r.GivenName);
                WriteText(importer, r.FamilyName);
                WriteText(importer, r.FatherName);
                if (r.BirthDate is { } d)
                    importer.Write(d, NpgsqlDbType.Date);
                else
                    importer.WriteNull();
                WriteText(importer, r.Phone);
                WriteText(importer, r.DocumentNumber);
            }

            importer.Complete();
        }

        Sql(connection, """
            ALTER TABLE people ADD COLUMN full_name text, ADD COLUMN birth_year int, ADD COLUMN dm_given text, ADD COLUMN dm_family text;
            UPDATE people SET full_name = lower(coalesce(given, '') || ' ' || coalesce(family, '')),
                              birth_year = extract(year FROM birth_date)::int,
                              dm_given = nullif(dmetaphone(coalesce(given, '')), ''),
                              dm_family = nullif(dmetaphone(coalesce(family, '')), '');
            CREATE INDEX ON people (birth_year);
            ANALYZE people;
            """);
    }

    private static List<(int, int)> MatchPairs(NpgsqlConnection connection, double threshold, bool metaphone)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT a.n, b.n FROM people a JOIN people b ON a.birth_year = b.birth_year AND a.n < b.n
            WHERE similarity(a.full_name, b.full_name) >= @t
               OR (@metaphone AND a.dm_given = b.dm_given AND a.dm_family = b.dm_family)
               OR (a.document IS NOT NULL AND a.document = b.document)
            """, connection);
        command.Parameters.AddWithValue("t", threshold);
        command.Parameters.AddWithValue("metaphone", metaphone);
        var pairs = new List<(int, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            pairs.Add((reader.GetInt32(0), reader.GetInt32(1)));
        return pairs;
    }

    private static int[] Components(int n, List<(int A, int B)> pairs)
    {
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }

        foreach (var (a, b) in pairs)
            parent[Find(a)] = Find(b);
        return Enumerable.Range(0, n).Select(Find).ToArray();
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
            importer.WriteNull();
        else
            importer.Write(value, NpgsqlDbType.Text);
    }

    private static void Sql(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Exec(string file, string arguments, bool check = true)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
    }
}
