using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Imports;
using Panah.Data.Matching;
using Panah.Data.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Imports;

/// <summary>
/// Imports a CSV, XLSX or Kobo export into one field office, as the web's import jobs do (same job, same batches,
/// same report): a dry run, then, unless <c>--dry-run</c>, the commit of the good rows. Without <c>--mapping</c> the
/// form's remembered mapping applies, or the columns named like Panah's fields after the last '/'. Acts as the
/// operator ("cli:&lt;os user&gt;" in the audit), over every office's registry for the duplicate check.
/// </summary>
public sealed class ImportCommand : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--file <FILE>"), Description("The .csv or .xlsx file to import.")]
        public string File { get; init; } = "";

        [CommandOption("--office <CODE>"), Description("Field office code (IST, SEF, KAY…) the households are registered in.")]
        public string Office { get; init; } = "";

        [CommandOption("--mapping <FILE>"), Description("A mapping as JSON: {\"columns\": {\"column\": \"field\"}, \"values\": {\"sex\": {\"E\": \"male\"}}}.")]
        public string? Mapping { get; init; }

        [CommandOption("--dry-run"), Description("Check every row and write the report; register nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--report <FILE>"), Description("Write the report per row as XLSX (owner-only).")]
        public string? Report { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(File) || string.IsNullOrWhiteSpace(Office) ? ValidationResult.Error("Give --file FILE and --office CODE.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLine($"[red]No file {Markup.Escape(settings.File)}.[/]");
            return 1;
        }
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AccessScope>().Everything("import command");
        var db = sp.GetRequiredService<PanahDbContext>();
        var office = await db.FieldOffices.Where(o => o.Code == settings.Office.ToUpperInvariant()).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (office is null)
        {
            AnsiConsole.MarkupLine($"[red]No field office {Markup.Escape(settings.Office)}.[/]");
            return 1;
        }
        var watch = Stopwatch.StartNew();
        await BuildMatchIndexAsync(sp, cancellationToken);
        var indexed = watch.Elapsed;
        var jobs = sp.GetRequiredService<ImportJobs>();
        ImportJobView job;
        try
        {
            await using var file = System.IO.File.OpenRead(settings.File);
            job = await jobs.CreateAsync(office.Value, Path.GetFileName(settings.File), file, null, cancellationToken);
            if (settings.Mapping is not null)
            {
                job = (await jobs.SetMappingAsync(job.Id, ImportForms.ReadMapping(await System.IO.File.ReadAllTextAsync(settings.Mapping, cancellationToken)), cancellationToken))!;
            }
        }
        catch (FieldException e)
        {
            AnsiConsole.MarkupLine($"[red]Refused:[/] {Markup.Escape(string.Join("; ", e.Errors.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")))}");
            return 1;
        }
        AnsiConsole.MarkupLine($"Job {job.Id}: {job.RowsTotal:N0} submissions; match index ready in {indexed.TotalSeconds:N1} s.");
        var dry = await RunAsync(sp, job.Id, commit: false, job.RowsTotal, cancellationToken);
        job = (await jobs.GetAsync(job.Id, cancellationToken))!;
        AnsiConsole.MarkupLine($"[green]Dry run[/] in {dry.TotalSeconds:N1} s: {Counts(job)}.");
        if (!settings.DryRun)
        {
            var commit = await RunAsync(sp, job.Id, commit: true, job.RowsTotal, cancellationToken);
            job = (await jobs.GetAsync(job.Id, cancellationToken))!;
            AnsiConsole.MarkupLine($"[green]Imported[/] in {commit.TotalSeconds:N1} s: {Counts(job)}.");
        }
        if (settings.Report is not null)
        {
            await using var report = OwnerOnlyFile.Open(settings.Report, FileMode.Create);
            ImportReport.WriteXlsx(report, (await jobs.ReportAsync(job.Id, ct: cancellationToken))!);
        }
        if (settings.DryRun)
        {
            // Nothing more will come of this job: its file goes now, as a cancelled job's does.
            await jobs.CancelAsync(job.Id, cancellationToken);
        }
        AnsiConsole.MarkupLine($"Peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB.");
        return job.Status is ImportJobStatus.Failed ? 1 : 0;
    }

    private static string Counts(ImportJobView j) =>
        $"{j.Ok:N0} good, {j.Errors:N0} with errors, {j.Duplicates:N0} possible duplicates, {j.Skipped:N0} imported before";

    private static async Task<TimeSpan> RunAsync(IServiceProvider sp, Guid id, bool commit, int total, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await sp.GetRequiredService<ImportJobs>().StartAsync(id, commit, ct);
        await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask(commit ? "Importing" : "Dry run", maxValue: Math.Max(1, total));
            await sp.GetRequiredService<ImportJobRunner>().RunAsync(id, progress: new Reporter(p => bar.Value = p.Processed), ct: ct);
            bar.Value = bar.MaxValue;
        });
        return watch.Elapsed;
    }

    /// <summary>The duplicate check's index of the whole registry, as the web app builds it at start-up.</summary>
    private static async Task BuildMatchIndexAsync(IServiceProvider sp, CancellationToken ct)
    {
        var last = await DuplicateReviews.LastModelAsync(sp.GetRequiredService<PanahDbContext>(), ct);
        var records = await sp.GetRequiredService<MatchSource>().LoadAsync("import-command", ct: ct);
        sp.GetRequiredService<RegistryMatchIndex>().Build(records, last?.Model, last?.Run, ct);
    }

    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
