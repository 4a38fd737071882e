using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Registry;

public sealed class SeedDemoCommand : AsyncCommand<SeedDemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--households <N>"), Description("How many synthetic households to register.")]
        public int Households { get; init; } = 1000;

        [CommandOption("--seed <SEED>"), Description("Random seed, for a reproducible registry.")]
        public int Seed { get; init; } = 2026;

        public override ValidationResult Validate() =>
            Households is < 1 or > 5_000_000 ? ValidationResult.Error("--households must be 1 to 5,000,000.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        var watch = Stopwatch.StartNew();
        var people = 0;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Registering households", maxValue: settings.Households);
                await using var scope = services.CreateAsyncScope();
                var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                people = await seeder.SeedHouseholdsAsync(settings.Households, settings.Seed, new SyncProgress<int>(n => task.Value = n), cancellationToken);
                await seeder.SeedPartsAsync(new SyncProgress<string>(name => ctx.AddTask(name, maxValue: 1).Increment(1)), cancellationToken);
            });
        AnsiConsole.MarkupLine($"[green]Registered[/] {settings.Households:N0} households, {people:N0} people in {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and lag).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
