using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Audit;

public sealed class AuditVerifyCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
        if (result.IsIntact)
        {
            AnsiConsole.MarkupLine($"[green]Audit chain intact[/]: {result.Entries:N0} entries.");
            return 0;
        }
        Console.Error.WriteLine($"Audit chain broken at entry {result.FirstBadEntryId}: {result.Problem}.");
        return 2;
    }
}
