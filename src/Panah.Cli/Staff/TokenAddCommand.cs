using System.ComponentModel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Staff;

public sealed class TokenAddCommand : AsyncCommand<TokenAddCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--email <EMAIL>"), Description("The service account the token acts as; it carries that account's role. A person issues their own tokens in the web app.")]
        public string Email { get; init; } = "";

        [CommandOption("--name <NAME>"), Description("What the token is for, e.g. 'kobo-sync'.")]
        public string Name { get; init; } = "";

        [CommandOption("--days <DAYS>"), Description("Lifetime in days, at most Panah:MaxTokenDays (default 90).")]
        public int Days { get; init; } = 90;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Email) ? ValidationResult.Error("--email is required.")
            : string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is required.")
            : !PlainText.IsAllowed(Name) ? ValidationResult.Error("--name cannot hold control or invisible formatting characters.")
            : Days < 1 ? ValidationResult.Error("--days must be at least 1.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(settings.Email);
        if (user is null)
        {
            AnsiConsole.MarkupLine("[red]No staff account has this email.[/]");
            return 1;
        }
        if (!user.IsServiceAccount)
        {
            AnsiConsole.MarkupLine("[red]Tokens are issued here for service accounts only (user add --service). A person issues their own after signing in.[/]");
            return 1;
        }
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        if (settings.Days > tokens.MaxDays)
        {
            AnsiConsole.MarkupLine($"[red]--days must be 1 to {tokens.MaxDays} (Panah:MaxTokenDays).[/]");
            return 1;
        }
        var (token, secret) = await tokens.IssueForServiceAccountAsync(user, settings.Name, settings.Days, cancellationToken);
        Console.WriteLine(secret);
        AnsiConsole.MarkupLine($"[grey]Expires {token.ExpiresAt:yyyy-MM-dd}. Shown once; send it as 'Authorization: Bearer …'.[/]");
        return 0;
    }
}
