using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Audit;

/// <summary>
/// Read throughput over HTTP of a running Panah, as an API client sees it: concurrent clients with one token ask
/// for unknown people (404: authentication and one indexed lookup, nothing audited) and then for real people
/// (200: the same plus decryption and an audit entry). The gap between the two is what auditing a read costs.
/// Person ids come from the database of this data directory (PANAH_DATA / PANAH_CONNECTION), as the app's.
/// </summary>
public sealed class BenchAuditCommand : AsyncCommand<BenchAuditCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--url <URL>"), Description("The running app, e.g. http://127.0.0.1:5080.")]
        public string Url { get; init; } = "";

        [CommandOption("--token <TOKEN>"), Description("An API token of an account that may read the registry (token add).")]
        public string Token { get; init; } = "";

        [CommandOption("--concurrency <N>"), Description("Clients sending requests at once.")]
        public int Concurrency { get; init; } = 16;

        [CommandOption("--seconds <S>"), Description("Measured seconds per endpoint (after 3 s of warm-up).")]
        public int Seconds { get; init; } = 10;

        public override ValidationResult Validate() =>
            !Uri.TryCreate(Url, UriKind.Absolute, out _) ? ValidationResult.Error("--url must be an absolute URL.")
            : string.IsNullOrWhiteSpace(Token) ? ValidationResult.Error("--token is required.")
            : Concurrency is < 1 or > 512 ? ValidationResult.Error("--concurrency must be 1 to 512.")
            : Seconds < 1 ? ValidationResult.Error("--seconds must be at least 1.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        List<Guid> people;
        await using (var services = await CliServices.CreateAsync())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var count = await db.People.CountAsync(cancellationToken);
            if (count == 0)
            {
                AnsiConsole.MarkupLine("[red]The registry is empty: run seed-demo first.[/]");
                return 1;
            }
            people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).Take(5000).ToListAsync(cancellationToken);
            AnsiConsole.MarkupLine($"Registry: {count:N0} people ({services.GetRequiredService<PanahDataOptions>().Provider}); {settings.Concurrency} clients, {settings.Seconds} s per endpoint.");
        }
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency }) { BaseAddress = new Uri(settings.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        var table = new Table().AddColumns("endpoint", "requests/s", "p50 ms", "p95 ms", "errors");
        await Measure("GET /api/v1/people/{unknown} (404, not audited)", _ => Guid.NewGuid(), HttpStatusCode.NotFound);
        await Measure("GET /api/v1/people/{id} (200, audited)", i => people[i % people.Count], HttpStatusCode.OK);
        AnsiConsole.Write(table);
        return 0;

        async Task Measure(string name, Func<int, Guid> id, HttpStatusCode expected)
        {
            await Run(TimeSpan.FromSeconds(3), id, expected);
            var (times, errors, elapsed) = await Run(TimeSpan.FromSeconds(settings.Seconds), id, expected);
            times.Sort();
            var rate = times.Count / elapsed.TotalSeconds;
            table.AddRow(name.EscapeMarkup(), rate.ToString("N0"), P(times, 0.50), P(times, 0.95), errors.ToString("N0"));
            AnsiConsole.MarkupLine($"{name.EscapeMarkup()}: {rate:N0} requests/s, p50 {P(times, 0.50)} ms, p95 {P(times, 0.95)} ms, {errors} errors");
        }

        async Task<(List<double> Times, int Errors, TimeSpan Elapsed)> Run(TimeSpan length, Func<int, Guid> id, HttpStatusCode expected)
        {
            var times = new List<double>();
            var errors = 0;
            var next = Random.Shared.Next(people.Count);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
            {
                var mine = new List<double>();
                var failed = 0;
                while (clock.Elapsed < length)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync($"/api/v1/people/{id(Interlocked.Increment(ref next))}", cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    failed += response.StatusCode == expected ? 0 : 1;
                }
                lock (times)
                {
                    times.AddRange(mine);
                    errors += failed;
                }
            }));
            return (times, errors, clock.Elapsed);
        }
    }

    private static string P(List<double> sorted, double q) =>
        sorted.Count == 0 ? "-" : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)].ToString("N1");
}
