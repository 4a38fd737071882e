using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Crypto;
using Panah.Data.Keys;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Keys;

/// <summary>
/// Rotates the master key while the web app runs: the new key goes on top of the key file (the app follows
/// it), every value sealed under the master key is re-sealed under the new one, then the old key is retired.
/// Stopped or killed, it continues where it was when run again.
/// </summary>
public sealed class KeysRotateCommand : AsyncCommand<KeysRotateCommand.Settings>
{
    /// <summary>Exit code of a run that stopped at <c>--limit</c> with values left under the old key.</summary>
    public const int Unfinished = 3;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--new-key-file <PATH>"), Description("A file holding the new master key (base64, 32 bytes), e.g. from a KMS; without it a random key is made.")]
        public string? NewKeyFile { get; init; }

        [CommandOption("--batch <N>"), Description("Values re-sealed per database transaction.")]
        public int Batch { get; init; } = 500;

        [CommandOption("--limit <N>"), Description("Re-seal at most N values in this run, then stop (exit code 3); run again to continue.")]
        public int? Limit { get; init; }

        public override ValidationResult Validate() =>
            Batch is < 1 or > 100_000 ? ValidationResult.Error("--batch must be 1 to 100,000.")
            : Limit is < 1 ? ValidationResult.Error("--limit must be at least 1.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        var keys = services.GetRequiredService<KeyRing>();
        var newKey = settings.NewKeyFile is { } file ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : null;
        if (keys.KeyIds.Count == 1)
        {
            if (keys.KeyFile is null)
            {
                await Console.Error.WriteLineAsync($"{KeyRing.EnvironmentVariable} holds one key: give every node NEW,OLD (the new key first), restart them, then run keys rotate again to re-seal under NEW.");
                return 1;
            }
            var id = keys.AddCurrentKey(newKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            AnsiConsole.MarkupLine($"New master key [bold]{id}[/] put on top of {keys.KeyFile.EscapeMarkup()}: new values are sealed under it from now on.");
        }
        else if (newKey is not null && IdOf(newKey) != keys.CurrentKeyId)
        {
            await Console.Error.WriteLineAsync($"A rotation to master key {keys.CurrentKeyId} is under way: run keys rotate without --new-key-file to finish it first.");
            return 1;
        }
        else
        {
            AnsiConsole.MarkupLine($"Continuing the rotation to master key [bold]{keys.CurrentKeyId}[/] (the ring still holds {string.Join(", ", keys.KeyIds.Skip(1))}).");
        }

        var rotation = services.GetRequiredService<MasterKeyRotation>();
        var counts = await rotation.CountAsync(cancellationToken);
        RotationResult result = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = rotation.Kinds.Select((k, i) => progress.AddTask(k.Name, maxValue: Math.Max(1, counts[i]))).ToList();
                result = await rotation.ResealAllAsync(settings.Batch, settings.Limit, (kind, pass, read) =>
                {
                    // Later passes only look for values sealed under the old key while the first ran.
                    if (pass == 1)
                    {
                        tasks[kind].Value = Math.Min(read, tasks[kind].MaxValue);
                    }
                }, cancellationToken);
                if (result.Finished)
                {
                    tasks.ForEach(t => t.Value = t.MaxValue);
                }
            });

        if (!result.Finished)
        {
            AnsiConsole.MarkupLine($"Stopped after re-sealing {result.Resealed:N0} values (--limit); run keys rotate again to continue.");
            return Unfinished;
        }
        var retired = keys.KeyIds.Skip(1).ToList();
        keys.RetireOtherKeys(keys.CurrentKeyId);
        AnsiConsole.MarkupLine($"[green]Rotation complete[/]: {result.Resealed:N0} values re-sealed; everything is sealed under master key [bold]{keys.CurrentKeyId}[/] only.");
        AnsiConsole.MarkupLine(keys.KeyFile is null
            ? $"Now remove the old key(s) ({string.Join(", ", retired)}) from {KeyRing.EnvironmentVariable} on every node."
            : $"Retired {string.Join(", ", retired)}: {keys.KeyFile.EscapeMarkup()} holds the new key alone. Back it up; backups made before today need the old key.");
        return 0;
    }

    private static string IdOf(string base64)
    {
        try
        {
            return KeyRing.FromMasterKey(Convert.FromBase64String(base64)).CurrentKeyId;
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("The new key file does not hold a base64 key.");
        }
    }
}
