using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Food;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Food;

/// <summary>
/// Times generating and approving one cycle for every household of the registry (topped up to <c>--households</c> with
/// benchmark rows, see <see cref="BenchHouseholds"/>), as the programme managers' pages do it, and prints the seconds
/// and the process's peak memory. Run it on a database of its own.
/// </summary>
public sealed class BenchFoodCommand : AsyncCommand<BenchFoodCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--households <N>"), Description("Households the registry should hold (synthetic ones are added up to this).")]
        public int Households { get; init; } = 50_000;

        public override ValidationResult Validate() =>
            Households is < 1 or > 1_000_000 ? ValidationResult.Error("--households must be 1 to 1,000,000.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        int cycleId;
        await using (var scope = services.CreateAsyncScope())
        {
            // System work over the whole registry, as generation is.
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("food benchmark");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var existing = await db.Households.CountAsync(cancellationToken);
            if (existing < settings.Households)
            {
                AnsiConsole.MarkupLine($"Adding {settings.Households - existing:N0} benchmark households (placeholder sealed data)…");
                var seeding = Stopwatch.StartNew();
                await BenchHouseholds.AddAsync(db, settings.Households - existing, seed: existing + 1, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
                AnsiConsole.MarkupLine($"  in {seeding.Elapsed.TotalSeconds:N1} s");
            }
            cycleId = await NewCycleAsync(scope.ServiceProvider, cancellationToken);
            AnsiConsole.MarkupLine($"Registry: {await db.Households.CountAsync(cancellationToken):N0} households ({services.GetRequiredService<PanahDataOptions>().Provider}).");
        }
        GC.Collect();
        var (generate, made) = await TimeAsync(services, s => CycleGeneration.ActingAs(s, "bench:generator")
            .GenerateAsync(cycleId, Version(s, cycleId), cancellationToken));
        var (approve, approved) = await TimeAsync(services, s => CycleGeneration.ActingAs(s, "bench:approver")
            .ApproveAsync(cycleId, Version(s, cycleId), cancellationToken));
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        AnsiConsole.MarkupLine($"generate: {made.Households:N0} entitlements ({made.People:N0} people) in {generate.TotalSeconds:N2} s");
        AnsiConsole.MarkupLine($"approve:  {approved:N0} entitlements in {approve.TotalSeconds:N2} s");
        AnsiConsole.MarkupLine($"peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:N0} MB, GC heap now {GC.GetTotalMemory(false) / 1024.0 / 1024:N0} MB, "
            + $"allocated {GC.GetTotalAllocatedBytes() / 1024.0 / 1024:N0} MB, gen2 collections {GC.CollectionCount(2)}");
        return 0;
    }

    private static long Version(IServiceProvider s, int cycleId) =>
        s.GetRequiredService<PanahDbContext>().DistributionCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Version).Single();

    private static async Task<(TimeSpan, T)> TimeAsync<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("food benchmark");
        var watch = Stopwatch.StartNew();
        var result = await work(scope.ServiceProvider);
        return (watch.Elapsed, result);
    }

    /// <summary>A cycle of its own on the maize basket for every household, at a distribution point of its own.</summary>
    private static async Task<int> NewCycleAsync(IServiceProvider s, CancellationToken ct)
    {
        var db = s.GetRequiredService<PanahDbContext>();
        var clock = s.GetRequiredService<TimeProvider>();
        var basket = await CyclesDemo.MaizeBasketAsync(db, clock, ct);
        var office = await db.FieldOffices.OrderBy(o => o.Id).FirstAsync(ct);
        var point = await db.FoodLocations.FirstOrDefaultAsync(l => l.Code == "BENCH-DP", ct)
            ?? db.FoodLocations.Add(new FoodLocation { Code = "BENCH-DP", Name = "Benchmark point", Kind = LocationKind.DistributionPoint, FieldOfficeId = office.Id }).Entity;
        var programme = await db.FoodProgrammes.FirstOrDefaultAsync(p => p.Name == "Benchmark", ct)
            ?? db.FoodProgrammes.Add(new FoodProgramme { Name = "Benchmark" }).Entity;
        await db.SaveChangesAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await s.GetRequiredService<CycleStore>().CreateAsync(
            new CycleInput(programme.Id, $"Benchmark {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}", today, today.AddDays(29), 30, basket.Id, new EligibilityRule(), null, [point.Id]), ct);
    }
}
