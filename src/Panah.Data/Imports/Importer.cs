using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Imports;
using Panah.Core.Registry;
using Panah.Data.Crypto;
using Panah.Data.Matching;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Imports;

public enum ImportOutcome
{
    Ok = 1,
    Error = 2,
    PossibleDuplicate = 3,
    Imported = 4,
    AlreadyImported = 5,
}

/// <summary>One line of an import's report: the row, what became of it, and why; a duplicate names only the candidate's household code.</summary>
public sealed record ImportReportRow(string Sheet, int Row, ImportOutcome Outcome, string? Field = null, string? Reason = null, string? CandidateHouseholdCode = null);

/// <summary>
/// Dry run and commit of an import. Every submission is checked with registration's own rules (the registry's
/// validator and the importer's office scope) and every incoming person against the registry with the online
/// duplicate check; commit then registers the good households through <see cref="RegistryStore.RegisterAsync"/>
/// (sealed, audited, office-scoped). A submission whose identity was imported before is skipped, so the same
/// file twice changes nothing; a possible duplicate is held for a person to decide, not imported.
/// </summary>
public sealed partial class Importer(PanahDbContext db, RegistryStore registry, MatchCheck matches, BlindIndex index, TimeProvider clock)
{
    /// <summary>The reason of a row that may be a person an earlier row of the same file brings: the earlier row follows the separator.</summary>
    public const string DuplicateInFile = "Import.DuplicateInFile";

    /// <summary>
    /// The dry run: what the commit would do. With <paramref name="inFile"/> (the file's good households so far, which
    /// this adds to), a row that may be a person an earlier good row brings is a possible duplicate, as the commit
    /// will find once that earlier household is registered.
    /// </summary>
    public Task<List<ImportReportRow>> DryRunAsync(int fieldOfficeId, IEnumerable<ImportSubmission> submissions, ImportMapping mapping, CancellationToken ct = default,
        ImportFileIndex? inFile = null) =>
        RunAsync(fieldOfficeId, submissions, mapping, commit: false, inFile, ct);

    public Task<List<ImportReportRow>> CommitAsync(int fieldOfficeId, IEnumerable<ImportSubmission> submissions, ImportMapping mapping, CancellationToken ct = default) =>
        RunAsync(fieldOfficeId, submissions, mapping, commit: true, null, ct);

    private async Task<List<ImportReportRow>> RunAsync(int fieldOfficeId, IEnumerable<ImportSubmission> submissions, ImportMapping mapping, bool commit, ImportFileIndex? inFile,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var officeInScope = db.Scope.CoversOffice(fieldOfficeId) && await db.FieldOffices.AnyAsync(o => o.Id == fieldOfficeId, ct);
        var report = new List<ImportReportRow>();
        foreach (var submission in submissions)
        {
            var hash = index.Token(SearchKind.ImportSubmission, submission.Identity);
            if (await db.ImportedSubmissions.AnyAsync(s => s.IdentityHash == hash, ct))
            {
                report.Add(new(submission.Household.Sheet, submission.Household.Number, ImportOutcome.AlreadyImported));
                continue;
            }
            var read = ImportedHousehold.Read(submission, mapping, today);
            var errors = Errors(read, today, officeInScope);
            if (errors.Count > 0)
            {
                report.AddRange(errors);
                continue;
            }
            var duplicates = await DuplicatesAsync(read, ct);
            if (duplicates.Count == 0 && inFile is not null)
            {
                duplicates = DuplicatesInFile(read, inFile);
            }
            if (duplicates.Count > 0)
            {
                report.AddRange(duplicates);
                continue;
            }
            inFile?.Add(read);
            report.Add(commit
                ? await RegisterAsync(read, fieldOfficeId, hash, ct)
                : new(submission.Household.Sheet, submission.Household.Number, ImportOutcome.Ok));
        }
        return report;
    }

    private List<ImportReportRow> Errors(ImportedHousehold read, DateOnly today, bool officeInScope)
    {
        var rows = read.Problems.Select(p => new ImportReportRow(p.Sheet, p.Row, ImportOutcome.Error, p.Field, p.Reason)).ToList();
        var errors = RegistryValidator.Validate(read.Household, read.Members, today);
        if (!officeInScope)
        {
            errors["fieldOffice"] = ["FieldOffice.Unknown"];
        }
        rows.AddRange(errors.SelectMany(e => e.Value.Select(reason => Located(read, e.Key, reason))));
        return rows;
    }

    /// <summary>A validator's error (<c>members[1].name.given</c>) at the row the member came from.</summary>
    private static ImportReportRow Located(ImportedHousehold read, string key, string reason)
    {
        var member = MemberKey().Match(key);
        var row = read.RowOf(member.Success ? int.Parse(member.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1);
        return new ImportReportRow(row.Sheet, row.Number, ImportOutcome.Error, member.Success ? key[member.Length..] : key, reason);
    }

    private async Task<List<ImportReportRow>> DuplicatesAsync(ImportedHousehold read, CancellationToken ct)
    {
        var found = await matches.CheckAsync(read.Members, read.Household.Address, top: 1, minimumProbability: MinimumProbability, ct: ct);
        var rows = new List<ImportReportRow>();
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].FirstOrDefault() is { } candidate)
            {
                var row = read.RowOf(i);
                var code = candidate.Person?.HouseholdCode ?? candidate.Elsewhere!.HouseholdCode;
                rows.Add(new ImportReportRow(row.Sheet, row.Number, ImportOutcome.PossibleDuplicate, CandidateHouseholdCode: code));
            }
        }
        return rows;
    }

    private static List<ImportReportRow> DuplicatesInFile(ImportedHousehold read, ImportFileIndex inFile)
    {
        var rows = new List<ImportReportRow>();
        for (var i = 0; i < read.Members.Count; i++)
        {
            if (inFile.Match(read.Members[i], read.Household.Address, MinimumProbability) is { } earlier)
            {
                var row = read.RowOf(i);
                rows.Add(new ImportReportRow(row.Sheet, row.Number, ImportOutcome.PossibleDuplicate, Reason: $"{DuplicateInFile}|{earlier.Sheet} {earlier.Number}"));
            }
        }
        return rows;
    }

    private async Task<ImportReportRow> RegisterAsync(ImportedHousehold read, int fieldOfficeId, byte[] hash, CancellationToken ct)
    {
        var row = read.Source.Household;
        // Saved with the household by registration's own save, so a submission is marked imported exactly when it is.
        var mark = db.ImportedSubmissions.Add(new ImportedSubmission { IdentityHash = hash, ImportedAt = clock.GetUtcNow() });
        try
        {
            await registry.RegisterAsync(fieldOfficeId, read.Household, read.Members, ct);
            return new ImportReportRow(row.Sheet, row.Number, ImportOutcome.Imported);
        }
        catch (FieldException e)
        {
            mark.State = EntityState.Detached;
            var (field, reasons) = e.Errors.First();
            return Located(read, field, reasons[0]);
        }
    }

    /// <summary>A person at least this likely the same as one already there is held for a person to decide.</summary>
    private const double MinimumProbability = 0.5;

    [GeneratedRegex(@"^members\[(\d+)\]\.?")]
    private static partial Regex MemberKey();
}
