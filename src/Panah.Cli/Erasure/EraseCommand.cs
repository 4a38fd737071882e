using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Erasure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Erasure;

/// <summary><c>erase --person ID --reason R</c>: the data protection officer's erasure, from the command line.</summary>
public sealed class EraseCommand : AsyncCommand<EraseCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--person <ID>"), Description("The id of the person to erase.")]
        public string Person { get; init; } = "";

        [CommandOption("--reason <REASON>"), Description("Why (kept with the erasure for the data protection officer; never logged).")]
        public string Reason { get; init; } = "";

        public override ValidationResult Validate() =>
            !Guid.TryParse(Person, out _) ? ValidationResult.Error("--person must be a person id.")
            : PersonErasure.CheckReason(Reason) is { } problem ? ValidationResult.Error(problem switch
            {
                "Erasure.ReasonRequired" => "--reason is required.",
                "Erasure.ReasonTooLong" => $"--reason is at most {PersonErasure.MaxReasonLength} characters.",
                _ => "--reason cannot hold control or invisible formatting characters.",
            })
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var id = Guid.Parse(settings.Person);
        // The command line is the data protection officer's own tool on the server: every office.
        scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("erase");
        var outcome = await scope.ServiceProvider.GetRequiredService<PersonErasure>().EraseAsync(id, settings.Reason, cancellationToken);
        switch (outcome)
        {
            case ErasureOutcome.Erased:
                Console.WriteLine($"Erased {id}: their data key is destroyed.");
                return 0;
            case ErasureOutcome.AlreadyErased:
                Console.WriteLine($"{id} was erased already.");
                return 0;
            default:
                AnsiConsole.MarkupLine("[red]No person has this id.[/]");
                return 1;
        }
    }
}
