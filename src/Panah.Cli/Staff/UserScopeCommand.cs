using System.ComponentModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Staff;

/// <summary>Replaces an account's field offices and programmes; its sessions end, as on a role change.</summary>
public sealed class UserScopeCommand : AsyncCommand<UserScopeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--email <EMAIL>"), Description("The staff member's email.")]
        public string Email { get; init; } = "";

        [CommandOption("--offices <CODES>"), Description("Field offices, comma-separated (IST,KAY); none: no registry record.")]
        public string? Offices { get; init; }

        [CommandOption("--programmes <NAMES>"), Description("Programmes, comma-separated: food, education, protection.")]
        public string? Programmes { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Email) ? ValidationResult.Error("--email is required.")
            : ScopeArguments.Programmes(Programmes) is null ? ValidationResult.Error(ScopeArguments.ProgrammesError)
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(settings.Email.Trim());
        if (user is null)
        {
            AnsiConsole.MarkupLine("[red]No such account.[/]");
            return 1;
        }
        try
        {
            var offices = ScopeArguments.Offices(settings.Offices);
            var programmes = ScopeArguments.Programmes(settings.Programmes)!;
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetScopeAsync(user, offices, programmes);
            AnsiConsole.MarkupLine($"[green]Scope set[/] for {user.Email.EscapeMarkup()}: offices {string.Join(",", offices).EscapeMarkup()}; programmes {string.Join(",", programmes)}. Its sessions have ended.");
            return 0;
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLine($"[red]{e.Message.EscapeMarkup()}[/]");
            return 1;
        }
    }
}
