using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Retention;
using Spectre.Console.Cli;

namespace Panah.Cli.Retention;

/// <summary><c>retention run [--dry-run]</c>: the retention run now, from the server's command line, or what it would erase.</summary>
public sealed class RetentionRunCommand : AsyncCommand<RetentionRunCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dry-run"), Description("Show what the run would erase (counts and household codes) and write nothing.")]
        public bool DryRun { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        // The command line is the data protection officer's own tool on the server: every office.
        scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("retention");
        if (settings.DryRun)
        {
            var preview = await scope.ServiceProvider.GetRequiredService<RetentionCandidates>().PreviewAsync(cancellationToken);
            Console.WriteLine($"Due: {preview.Candidates.Count} people in {preview.Households} households; {preview.Held} more under a legal hold.");
            foreach (var rule in Enum.GetValues<RetentionRule>())
            {
                Console.WriteLine($"  {rule}: {preview.Count(rule)}");
            }
            foreach (var code in preview.Candidates.Select(c => c.HouseholdCode).Distinct())
            {
                Console.WriteLine(code);
            }
            return 0;
        }
        var report = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunNowAsync(cancellationToken);
        if (report.Run is not { } run)
        {
            Console.Error.WriteLine("A retention run is in progress elsewhere; try again later.");
            return 1;
        }
        Console.WriteLine($"Erased {run.People} people in {run.Households} households; {run.Held} under a legal hold; {run.Left} left for the next run.");
        return 0;
    }
}
