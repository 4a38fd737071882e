using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Registry;

/// <summary>
/// Server-side time of the three reads staff do most, measured on the registry service itself (query,
/// decryption and the audit write; no HTTP): a people page with a filter, an exact name search and a
/// household page. Run it on a seeded registry.
/// </summary>
public sealed class BenchRegistryCommand : AsyncCommand<BenchRegistryCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--iterations <N>"), Description("Measured calls per operation (after 20 warm-up calls).")]
        public int Iterations { get; init; } = 300;

        [CommandOption("--office <CODE>"), Description("Read as a registration officer of this field office (IST, SEF, KAY) instead of the whole registry.")]
        public string? Office { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        var random = new Random(7);
        List<Guid> householdIds;
        List<string> names;
        int pages;
        int? officeId = null;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            if (settings.Office is { } code)
            {
                officeId = await db.FieldOffices.Where(o => o.Code == code.Trim().ToUpperInvariant()).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
                if (officeId is null)
                {
                    AnsiConsole.MarkupLine($"[red]No field office {code.EscapeMarkup()}.[/]");
                    return 1;
                }
            }
            // The sample of households and names is drawn from the whole registry, then read within the scope.
            Everything(scope.ServiceProvider);
            var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
            var count = await db.Households.CountAsync(cancellationToken);
            if (count == 0)
            {
                AnsiConsole.MarkupLine("[red]The registry is empty: run seed-demo first.[/]");
                return 1;
            }
            var inScope = officeId is null ? count : await ScopedHouseholds(db).CountAsync(cancellationToken);
            householdIds = await ScopedHouseholds(db).OrderBy(h => h.Id).Skip(random.Next(Math.Max(1, inScope - 1000))).Take(1000).Select(h => h.Id).ToListAsync(cancellationToken);
            var sample = await store.ListPeopleAsync(new PeopleFilter(), random.Next(1, 100), 200, cancellationToken);
            names = sample.Items.Select(p => p.Details.Name.Display).ToList();
            pages = Math.Max(1, await db.People.CountAsync(p => p.Sex == Sex.Female && (officeId == null || p.FieldOfficeId == officeId), cancellationToken) / 50);
            AnsiConsole.MarkupLine($"Registry: {count:N0} households, {await db.People.CountAsync(cancellationToken):N0} people ({services.GetRequiredService<PanahDataOptions>().Provider}); " +
                (officeId is null ? "reading the whole registry." : $"reading as a registration officer of {settings.Office!.ToUpperInvariant().EscapeMarkup()} ({inScope:N0} households)."));
        }
        var table = new Table().AddColumns("operation", "p50 ms", "p95 ms", "max ms");
        await Measure("people list (female, pages 1-20)", s => Store(s).ListPeopleAsync(new PeopleFilter(Sex: Sex.Female), random.Next(1, 21), 50, cancellationToken));
        await Measure("people list (female, any page)", s => Store(s).ListPeopleAsync(new PeopleFilter(Sex: Sex.Female), random.Next(1, pages + 1), 50, cancellationToken));
        await Measure("name search (given + family)", s => s.GetRequiredService<RegistrySearch>().SearchAsync(new SearchQuery(names[random.Next(names.Count)]), 1, cancellationToken));
        await Measure("household page", s => Store(s).GetHouseholdAsync(householdIds[random.Next(householdIds.Count)], cancellationToken));
        AnsiConsole.Write(table);
        return 0;

        static RegistryStore Store(IServiceProvider s) => s.GetRequiredService<RegistryStore>();

        // A measurement of the whole registry, not a staff member's request: every record, past the office filter's rows but through its SQL.
        static void Everything(IServiceProvider s) => s.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("bench-registry");

        // A registration officer of one office, as a staff member's request is scoped.
        void Scoped(IServiceProvider s)
        {
            if (officeId is { } id)
            {
                s.GetRequiredService<Panah.Data.Access.AccessScope>().ForStaff("bench-registry", [Panah.Data.Staff.Roles.RegistrationOfficer], [id], [], []);
            }
            else
            {
                Everything(s);
            }
        }

        IQueryable<Panah.Data.Entities.HouseholdRecord> ScopedHouseholds(PanahDbContext db) =>
            officeId is { } id ? db.Households.Where(h => h.FieldOfficeId == id) : db.Households;

        async Task Measure(string name, Func<IServiceProvider, Task> op)
        {
            var times = new List<double>(settings.Iterations);
            for (var i = -20; i < settings.Iterations; i++)
            {
                await using var scope = services.CreateAsyncScope();
                Scoped(scope.ServiceProvider);
                var watch = Stopwatch.StartNew();
                await op(scope.ServiceProvider);
                if (i >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            table.AddRow(name, P(times, 0.50), P(times, 0.95), times[^1].ToString("N1"));
            AnsiConsole.MarkupLine($"{name.EscapeMarkup()}: p50 {P(times, 0.50)} ms, p95 {P(times, 0.95)} ms");
        }
    }

    private static string P(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)].ToString("N1");
}
