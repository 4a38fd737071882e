using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Backup;
using Panah.Data.Erasure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Backup;

/// <summary><c>backup create --out FILE</c>: an encrypted backup of the database, under the backup key.</summary>
public sealed class BackupCreateCommand : AsyncCommand<BackupCreateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>"), Description("The backup file to write (owner-only).")]
        public string Out { get; init; } = "";

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        var options = services.GetRequiredService<PanahDataOptions>();
        var key = BackupKey.Load(options, Environment.GetEnvironmentVariable(BackupKey.EnvironmentVariable), mayCreate: true);
        await Backups.For(options).CreateAsync(Path.GetFullPath(settings.Out), key, cancellationToken);
        Console.WriteLine($"Backup written to {Path.GetFullPath(settings.Out)}.");
        if (Environment.GetEnvironmentVariable(BackupKey.EnvironmentVariable) is null)
        {
            AnsiConsole.MarkupLine($"[grey]Sealed under the backup key {Markup.Escape(BackupKey.DefaultFile(options))}: keep a copy of it apart from the backups.[/]");
        }
        return 0;
    }
}

/// <summary>
/// <c>backup restore --in FILE</c>: replaces the database with a backup, then re-applies every erasure of the
/// ledger, so a person erased since the backup was made stays erased.
/// </summary>
public sealed class BackupRestoreCommand : AsyncCommand<BackupRestoreCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--in <FILE>"), Description("The backup file to restore.")]
        public string In { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(In) ? ValidationResult.Error("--in is required.")
            : !File.Exists(In) ? ValidationResult.Error("--in: no such file.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        var options = services.GetRequiredService<PanahDataOptions>();
        try
        {
            var key = BackupKey.Load(options, Environment.GetEnvironmentVariable(BackupKey.EnvironmentVariable), mayCreate: false);
            await Backups.For(options).RestoreAsync(Path.GetFullPath(settings.In), key, cancellationToken);
        }
        catch (CryptographicException)
        {
            AnsiConsole.MarkupLine("[red]The backup does not open under this backup key, or it was altered.[/]");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 1;
        }
        await PanahDatabase.InitializeAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ErasureReplay>().RunAsync(cancellationToken);
        Console.WriteLine($"Restored. {report.Reapplied} erasure(s) re-applied from the erasure ledger.");
        foreach (var problem in report.Problems)
        {
            AnsiConsole.MarkupLine($"[red]Erasure ledger: {Markup.Escape(problem)}[/]");
        }
        return report.Problems.Count == 0 ? 0 : 3;
    }
}

internal static class Backups
{
    public static DatabaseBackup For(PanahDataOptions options) =>
        new(options, DatabaseBackup.PostgresBin(Environment.GetEnvironmentVariable("PANAH_PG_BIN")));
}
