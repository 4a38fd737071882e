using System.ComponentModel;
using System.Diagnostics;
using Panah.Matching;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Dedupe;

/// <summary><c>panah dedupe --input people.csv --output clusters.csv</c>: finds registrations of the same person.</summary>
public sealed class DedupeCommand : AsyncCommand<DedupeCommand.Settings>
{
    private static readonly string[] Stages = ["Normalising", "Blocking", "Comparing", "Training", "Clustering"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>"), Description("UTF-8 CSV with header id,given_name,family_name,father_name,sex,birth_date,birth_place,phone,document_number,address.")]
        public string Input { get; init; } = string.Empty;

        [CommandOption("-o|--output <FILE>"), Description("CSV to write: id,cluster (every input id once; same cluster = same person).")]
        public string Output { get; init; } = string.Empty;

        [CommandOption("--review <FILE>"), Description("Optional CSV of pairs a person should check (near misses, merges refused by clustering).")]
        public string? Review { get; init; }

        [CommandOption("--min-probability <P>"), Description("Match probability at or above which two records are the same person (default 0.5).")]
        public double MinProbability { get; init; } = 0.5;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Input) || string.IsNullOrWhiteSpace(Output))
                return ValidationResult.Error("--input and --output are required.");
            if (!File.Exists(Input))
                return ValidationResult.Error($"Input file '{Input}' not found.");
            return MinProbability is <= 0 or >= 1 ? ValidationResult.Error("--min-probability must be between 0 and 1.") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var problems = new List<CsvProblem>();
        List<PersonRecord> people = [];
        DedupeResult? result = null;
        var threshold = Math.Log2(settings.MinProbability / (1 - settings.MinProbability));
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var reading = ctx.AddTask("Reading", maxValue: 1);
                var tasks = Stages.ToDictionary(s => s, s => ctx.AddTask(s, autoStart: false, maxValue: 1));
                var writing = ctx.AddTask("Writing", autoStart: false, maxValue: 1);
                await Task.Run(() =>
                {
                    people = PersonCsv.ReadFile(settings.Input, problems);
                    reading.Value = 1;
                    var options = new DedupeOptions { MatchThreshold = threshold, ReviewThreshold = Math.Min(threshold - 5, -5) };
                    result = new Deduplicator(options).Run(people, new StageProgress(tasks), cancellationToken);
                    foreach (var task in tasks.Values)
                        task.Value = task.MaxValue;
                    writing.StartTask();
                    PersonCsv.WriteClusters(settings.Output, people, result.ClusterLabels());
                    if (settings.Review is not null)
                        PersonCsv.WriteReview(settings.Review, result.ReviewQueue);
                    writing.Value = 1;
                }, cancellationToken);
            });

        foreach (var problem in problems.Take(20))
            Console.Error.WriteLine(problem);
        if (problems.Count > 20)
            Console.Error.WriteLine($"... and {problems.Count - 20:N0} more problems.");
        AnsiConsole.MarkupLine($"[green]Done[/]: {people.Count:N0} records, {result!.ClusterCount:N0} people, " +
            $"{people.Count - result.ClusterCount:N0} duplicates, {result.ReviewQueue.Count:N0} pairs to review, {problems.Count:N0} input problems, {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>Moves the bar of the reported stage; called from worker threads.</summary>
    private sealed class StageProgress(Dictionary<string, ProgressTask> tasks) : IProgress<DedupeProgress>
    {
        public void Report(DedupeProgress value)
        {
            if (!tasks.TryGetValue(value.Stage, out var task))
                return;
            lock (task)
            {
                if (!task.IsStarted)
                    task.StartTask();
                task.MaxValue = Math.Max(1, value.Total);
                task.Value = Math.Min(value.Done, task.MaxValue);
            }
        }
    }
}
