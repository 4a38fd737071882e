using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Exports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Exports;

/// <summary>
/// <c>export --aggregate --out F [--format csv|xlsx]</c>: the standard aggregate table (HXL-tagged, small cells hidden)
/// of the whole registry, as the server's operator (like the other commands). Exports of personal data go through the
/// gate in the app, never the CLI.
/// </summary>
public sealed class ExportCommand : AsyncCommand<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--aggregate"), Description("The standard aggregate table: people by province, district and office × sex × age bracket, households.")]
        public bool Aggregate { get; init; }

        [CommandOption("--out <FILE>"), Description("Where to write the file.")]
        public string Out { get; init; } = "";

        [CommandOption("--format <FORMAT>"), Description("csv (default) or xlsx.")]
        public string Format { get; init; } = "csv";

        public override ValidationResult Validate() =>
            !Aggregate ? ValidationResult.Error("Only --aggregate exports from the command line; personal data leaves through the export gate in the app.")
            : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("Give --out FILE.")
            : Format is not ("csv" or "xlsx") ? ValidationResult.Error("--format csv or xlsx.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("export --aggregate");
        var watch = Stopwatch.StartNew();
        var table = await scope.ServiceProvider.GetRequiredService<AggregateExports>().PeopleAsync(settings.Format + " cli", cancellationToken);
        await using (var file = OwnerOnlyFile.Open(settings.Out, FileMode.Create))
        {
            if (settings.Format == "csv")
            {
                await using var text = new StreamWriter(file, new System.Text.UTF8Encoding(false));
                AggregateFiles.WriteCsv(text, table);
            }
            else
            {
                AggregateFiles.WriteXlsx(file, table);
            }
        }
        AnsiConsole.MarkupLine($"[green]Wrote[/] {table.Places.Count:N0} places (counts under {table.Threshold} hidden) to {Markup.Escape(settings.Out)} in {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }
}
