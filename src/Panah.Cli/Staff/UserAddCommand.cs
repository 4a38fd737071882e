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

        [CommandOption("--role <ROLE>"), Description("Administrator, RegistrationOfficer, DistributionClerk, Teacher, CaseWorker, ProgrammeManager, DataProtectionOfficer or EducationCoordinator.")]
        public string Role { get; init; } = "";

        [CommandOption("--name <NAME>"), Description("Display name.")]
        public string? Name { get; init; }

        [CommandOption("--service"), Description("A service account for an integration: never signs in, holds API tokens only (see token add).")]
        public bool Service { get; init; }

        [CommandOption("--offices <CODES>"), Description("Field offices the account works for, comma-separated (IST,KAY). Without one it reads no registry record.")]
        public string? Offices { get; init; }

        [CommandOption("--programmes <NAMES>"), Description("Programmes, comma-separated: food, education, protection.")]
        public string? Programmes { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Email) || !Email.Contains('@') ? ValidationResult.Error("--email is required.")
            : Roles.Parse(Role) is null ? ValidationResult.Error($"--role must be one of: {string.Join(", ", Roles.All)}.")
            : Name is not null && !PlainText.IsAllowed(Name) ? ValidationResult.Error("--name cannot hold control or invisible formatting characters.")
            : ScopeArguments.Programmes(Programmes) is null ? ValidationResult.Error(ScopeArguments.ProgrammesError)
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(
                settings.Email, settings.Role, settings.Name, service: settings.Service,
                offices: ScopeArguments.Offices(settings.Offices), programmes: ScopeArguments.Programmes(settings.Programmes));
            AnsiConsole.MarkupLine($"[green]Created[/] {(settings.Service ? "service account " : "")}{created.User.Email.EscapeMarkup()} ({Roles.Parse(settings.Role)}; offices: {string.Join(",", ScopeArguments.Offices(settings.Offices)).EscapeMarkup()}; programmes: {string.Join(",", ScopeArguments.Programmes(settings.Programmes)!)})");
            if (created.EnrolmentCode is { } code)
            {
                Console.WriteLine($"enrolment code: {code}");
                AnsiConsole.MarkupLine($"[grey]Give it to the person privately. It works once, until {created.User.EnrolmentCodeExpiresAt:yyyy-MM-dd HH:mm} UTC: at /Account/Enrol they choose their own password, then set up their authenticator.[/]");
            }
            else
            {
                AnsiConsole.MarkupLine("[grey]It cannot sign in; issue its API token with 'token add'.[/]");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            AnsiConsole.MarkupLine($"[red]{e.Message.EscapeMarkup()}[/]");
            return 1;
        }
    }
}
