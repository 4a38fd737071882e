using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Cli.Food;
using Panah.Core.Access;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Dashboards;
using Panah.Data.Staff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Dashboards;

/// <summary>
/// Times each dashboard section's aggregates as a programme manager of every office reads them (the last twelve
/// months, every office), on a registry topped up to <c>--households</c> with benchmark rows (<see cref="BenchHouseholds"/>):
/// one warm-up, then <c>--runs</c> reads each in a fresh scope, printing p50 and p95. Run it on a database of its own.
/// </summary>
public sealed class BenchDashboardsCommand : AsyncCommand<BenchDashboardsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--households <N>"), Description("Households the registry should hold (synthetic ones are added up to this).")]
        public int Households { get; init; } = 90_000;

        [CommandOption("--runs <N>"), Description("Timed reads per section.")]
        public int Runs { get; init; } = 50;

        public override ValidationResult Validate() =>
            Households is < 1 or > 1_000_000 || Runs is < 1 or > 10_000 ? ValidationResult.Error("--households 1–1,000,000, --runs 1–10,000.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        int[] offices;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("dashboard benchmark");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var existing = await db.Households.CountAsync(cancellationToken);
            if (existing < settings.Households)
            {
                AnsiConsole.MarkupLine($"Adding {settings.Households - existing:N0} benchmark households (placeholder sealed data)…");
                var seeding = Stopwatch.StartNew();
                await BenchHouseholds.AddAsync(db, settings.Households - existing, seed: existing + 1, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
                AnsiConsole.MarkupLine($"  in {seeding.Elapsed.TotalSeconds:N1} s");
            }
            offices = await db.FieldOffices.Select(o => o.Id).ToArrayAsync(cancellationToken);
            AnsiConsole.MarkupLine($"Registry: {await db.Households.CountAsync(cancellationToken):N0} households, {await db.People.CountAsync(cancellationToken):N0} people, "
                + $"{await db.Entitlements.CountAsync(cancellationToken):N0} entitlements ({services.GetRequiredService<PanahDataOptions>().Provider}).");
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var filter = DashboardFilter.LastYear(null, today);
        foreach (var (name, read) in new (string, Func<IServiceProvider, Task>)[]
        {
            ("registry", s => s.GetRequiredService<RegistryDashboard>().ForAsync(filter, cancellationToken)),
            ("food", s => s.GetRequiredService<FoodDashboard>().ForAsync(filter, cancellationToken)),
            ("education", s => s.GetRequiredService<EducationDashboard>().ForAsync(filter, cancellationToken)),
        })
        {
            var times = new List<double>();
            for (var run = 0; run <= settings.Runs; run++)
            {
                await using var scope = services.CreateAsyncScope();
                // A programme manager of every office: the office-list filter every staff request carries, not the all-access shortcut.
                scope.ServiceProvider.GetRequiredService<AccessScope>().ForStaff("bench:manager", [Roles.ProgrammeManager], offices, [Programme.Food, Programme.Education], []);
                var watch = Stopwatch.StartNew();
                await read(scope.ServiceProvider);
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            AnsiConsole.MarkupLine($"{name,-10} p50 {Percentile(times, 0.5),7:N1} ms   p95 {Percentile(times, 0.95),7:N1} ms   max {times[^1],7:N1} ms   ({times.Count} runs)");
        }
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
