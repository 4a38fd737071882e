using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Food;

/// <summary>Which cards: an office by its code and/or a cycle by its id.</summary>
public class CardGroupSettings : CommandSettings
{
    [CommandOption("--office <CODE>"), Description("Field office code (IST, SEF, KAY…).")]
    public string? Office { get; init; }

    [CommandOption("--cycle <ID>"), Description("Distribution cycle id.")]
    public int? Cycle { get; init; }

    [CommandOption("--all"), Description("Every office (instead of --office and --cycle).")]
    public bool All { get; init; }

    public override ValidationResult Validate() =>
        All == (Office is not null || Cycle is not null) ? ValidationResult.Error("Give --office, --cycle or both, or --all.") : ValidationResult.Success();

    /// <summary>The request in ids, in a scope that covers every office (the CLI runs on the server, as its operator).</summary>
    internal async Task<CardSheetRequest?> ResolveAsync(IServiceProvider services, CancellationToken ct)
    {
        services.GetRequiredService<AccessScope>().Everything("cards command");
        int? office = null;
        if (Office is not null)
        {
            office = await services.GetRequiredService<PanahDbContext>().FieldOffices.Where(o => o.Code == Office.ToUpperInvariant()).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (office is null)
            {
                AnsiConsole.MarkupLine($"[red]No field office {Markup.Escape(Office)}.[/]");
                return null;
            }
        }
        return new CardSheetRequest(office, Cycle);
    }
}

public sealed class CardsIssueCommand : AsyncCommand<CardGroupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CardGroupSettings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        if (await settings.ResolveAsync(scope.ServiceProvider, cancellationToken) is not { } request)
        {
            return 1;
        }
        var watch = Stopwatch.StartNew();
        var issued = await scope.ServiceProvider.GetRequiredService<CardIssuance>().IssueMissingAsync(request.OfficeId, request.CycleId, null, cancellationToken);
        AnsiConsole.MarkupLine($"[green]Issued[/] {issued:N0} cards in {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}

public sealed class CardsSheetCommand : AsyncCommand<CardsSheetCommand.Settings>
{
    public sealed class Settings : CardGroupSettings
    {
        [CommandOption("--out <FILE>"), Description("Where to write the PDF (owner-only permissions: it holds the cards' tokens).")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("Give --out FILE.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        if (await settings.ResolveAsync(scope.ServiceProvider, cancellationToken) is not { } request)
        {
            return 1;
        }
        var watch = Stopwatch.StartNew();
        int cards;
        await using (var file = OwnerOnlyFile.Open(settings.Out, FileMode.Create))
        {
            cards = await scope.ServiceProvider.GetRequiredService<CardSheet>().WriteAsync(file, request,
                new CardSheetLabels("Food card", "Household code", "Card number", "Food assistance"), cancellationToken);
        }
        var bytes = new FileInfo(settings.Out).Length;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        AnsiConsole.MarkupLine($"[green]Wrote[/] {cards:N0} cards on {(cards + CardSheet.CardsPerPage - 1) / CardSheet.CardsPerPage:N0} pages, {bytes / 1e6:N1} MB, in {watch.Elapsed.TotalSeconds:N1} s (peak working set {peak / 1e6:N0} MB).");
        return 0;
    }
}
