using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Audit;

/// <summary>Checks the chain and the signed checkpoints (Panah:Audit:CheckpointDirectory); exit 2 names what is wrong.</summary>
public sealed class AuditVerifyCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        if (result.IsIntact)
        {
            AnsiConsole.MarkupLine(result.Checkpoints == 0
                ? $"[green]Audit chain intact[/]: {result.Entries:N0} entries. [yellow]No signed checkpoint found[/]: a deleted tail could not be noticed yet."
                : $"[green]Audit chain intact[/]: {result.Entries:N0} entries, consistent with {result.Checkpoints:N0} signed checkpoints.");
            return 0;
        }
        Console.Error.WriteLine(result.FirstBadEntryId is { } id
            ? $"Audit chain broken at entry {id}: {result.Problem}."
            : $"Audit chain broken: {result.Problem}.");
        return 2;
    }
}
