using System.ComponentModel;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Entities;
using Panah.Data.Exports;
using Panah.Data.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Panah.Cli.Exports;

/// <summary>
/// Times the production of one people export (household code, sex, age group and name, so every record is opened)
/// of <c>--people</c> rows, encrypted to the OpenPGP key in <c>--key</c>: the registry is topped up in a district of
/// its own with people whose names are really sealed, the request is recorded as approved (the bench stands for both
/// people of the four eyes), and the time, file size and peak working set are printed. A benchmark database only.
/// </summary>
public sealed class BenchExportCommand : AsyncCommand<BenchExportCommand.Settings>
{
    public const string District = "Bench export";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--people <N>"), Description("Rows of the export (people added in the bench district up to this).")]
        public int People { get; init; } = 100_000;

        [CommandOption("--key <FILE>"), Description("The recipient's ASCII-armoured OpenPGP public key.")]
        public string Key { get; init; } = "";

        [CommandOption("--out <FILE>"), Description("Where to write the encrypted file (optional).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            People is < 1 or > 1_000_000 ? ValidationResult.Error("--people must be 1 to 1,000,000.")
            : !File.Exists(Key) ? ValidationResult.Error("Give --key FILE (gpg --armor --export).") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var services = await CliServices.CreateAsync();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AccessScope>().Everything("bench-export");
        var db = sp.GetRequiredService<PanahDbContext>();
        var existing = await db.People.CountAsync(p => p.District == District, cancellationToken);
        if (existing < settings.People)
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(sp, settings.People - existing, cancellationToken);
            AnsiConsole.MarkupLine($"Added {settings.People - existing:N0} people with sealed names in {seeding.Elapsed.TotalSeconds:N0} s.");
        }
        var gate = sp.GetRequiredService<ExportGate>();
        var (recipient, errors) = await gate.AddRecipientAsync("Bench recipient", "Bench", await File.ReadAllTextAsync(settings.Key, cancellationToken), cancellationToken);
        if (recipient is null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(string.Join("; ", errors!.SelectMany(e => e.Value)))}[/]");
            return 1;
        }
        var asked = await gate.RequestAsync(new ExportInput("Benchmark of a people export", recipient.Id, ExportDataset.People, ["household_code", "sex", "age_group", "name"], null, District), cancellationToken);
        var id = asked.Export!.Id;
        await db.ExportRequests.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ExportStatus.Approved).SetProperty(r => r.DecidedBy, "bench"), cancellationToken);
        db.ChangeTracker.Clear();
        var watch = Stopwatch.StartNew();
        var (outcome, file) = await gate.ProduceAsync(id, cancellationToken);
        var elapsed = watch.Elapsed;
        if (file is null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(outcome.Message ?? outcome.Refusal.ToString())}[/]");
            return 1;
        }
        if (settings.Out is { } path)
        {
            await File.WriteAllBytesAsync(path, file.Encrypted, cancellationToken);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        AnsiConsole.MarkupLine($"[green]Produced[/] export {id}: {file.Rows:N0} rows, {file.Encrypted.Length / 1e6:N1} MB encrypted, in {elapsed.TotalSeconds:N1} s (peak working set {peak / 1e6:N0} MB, {services.GetRequiredService<PanahDataOptions>().Provider}).");
        return 0;
    }

    /// <summary>Households of one to eight people in the bench district, each person's name sealed under their own data key as registration does.</summary>
    private static async Task SeedAsync(IServiceProvider sp, int people, CancellationToken ct)
    {
        var sealer = sp.GetRequiredService<RegistrySealer>();
        var clock = TimeProvider.System;
        var random = new Random(7);
        var office = await sp.GetRequiredService<PanahDbContext>().FieldOffices.AsNoTracking().Select(o => o.Id).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var made = 0;
        while (made < people)
        {
            await using var batchScope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            batchScope.ServiceProvider.GetRequiredService<AccessScope>().Everything("bench-export seed");
            var db = batchScope.ServiceProvider.GetRequiredService<PanahDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var h = 0; h < 500 && made < people; h++)
            {
                var (hKeyRow, hKey) = sealer.NewKey();
                db.Add(hKeyRow);
                var household = new HouseholdRecord
                {
                    Id = Guid.CreateVersion7(), Code = $"BX-{random.Next():X8}{made:D7}", FieldOfficeId = office, District = District, Status = HouseholdStatus.Active,
                    RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime), DataKeyId = hKeyRow.Id, CreatedAt = now, UpdatedAt = now, Sealed = [],
                };
                household.Sealed = RegistrySealer.SealHousehold(hKey, household.Id, new HouseholdDetails { District = District });
                var size = Math.Min(people - made, 1 + random.Next(8));
                for (var m = 0; m < size; m++, made++)
                {
                    var (keyRow, key) = sealer.NewKey();
                    db.Add(keyRow);
                    var details = new PersonDetails
                    {
                        Name = new PersonName(NameScript.UyghurLatin, $"Given{made}", $"Family{random.Next(100_000)}", null),
                        Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                        Relationship = m == 0 ? Relationship.Head : Relationship.Child,
                    };
                    var person = new PersonRecord
                    {
                        Id = Guid.CreateVersion7(), HouseholdId = household.Id, District = District, FieldOfficeId = office, Sex = details.Sex,
                        BirthYear = 1950 + random.Next(75), Relationship = details.Relationship, DataKeyId = keyRow.Id, CreatedAt = now, UpdatedAt = now, Sealed = [],
                    };
                    person.Sealed = RegistrySealer.SealPerson(key, person.Id, details);
                    household.Members.Add(person);
                }
                household.MemberCount = size;
                household.HeadPersonId = household.Members[0].Id;
                db.Add(household);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
