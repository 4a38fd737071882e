using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core;
using Panah.Data.Staff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Staff;

public sealed class UserAddCommand : AsyncCommand<UserAddCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--email <EMAIL>"), Description("The staff member's email (their sign-in name).")]
        public string Email { get; init; } = "";

        [CommandOption("--role <ROLE>"), Description("Administrator, RegistrationOfficer, DistributionClerk, Teacher, CaseWorker, ProgrammeManager or DataProtectionOfficer.")]
        public string Role { get; init; } = "";

        [CommandOption("--name <NAME>"), Description("Display name.")]
        public string? Name { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Email) || !Email.Contains('@') ? ValidationResult.Error("--email is required.")
            : Roles.Parse(Role) is null ? ValidationResult.Error($"--role must be one of: {string.Join(", ", Roles.All)}.")
            : Name is not null && !PlainText.IsAllowed(Name) ? ValidationResult.Error("--name cannot hold control or invisible formatting characters.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(settings.Email, settings.Role, settings.Name);
            AnsiConsole.MarkupLine($"[green]Created[/] {created.User.Email.EscapeMarkup()} ({Roles.Parse(settings.Role)})");
            Console.WriteLine($"one-time password: {created.Password}");
            Console.WriteLine($"totp: {created.AuthenticatorUri}");
            AnsiConsole.MarkupLine("[grey]Give both to the person privately; 2FA is confirmed at first sign-in.[/]");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLine($"[red]{e.Message.EscapeMarkup()}[/]");
            return 1;
        }
    }
}
