using Panah.Core.Imports;
using Panah.Data.Imports;

namespace Panah.Web.Features.Imports;

/// <summary>A column of the file and the Panah field it fills (null: none).</summary>
public sealed record ImportColumnDto(string Sheet, string Name, string? Field);

/// <summary>Which column fills which field, and the form's answers as Panah reads them (field → answer → Panah's value).</summary>
public sealed record ImportMappingDto
{
    /// <summary>Column name → Panah field (empty: the column is not imported).</summary>
    public Dictionary<string, string>? Columns { get; init; }

    /// <summary>Field → the form's answer → Panah's value, e.g. <c>{"sex": {"E": "male", "K": "female"}}</c>.</summary>
    public Dictionary<string, Dictionary<string, string>>? Values { get; init; }

    /// <summary>The privacy notice the form's consent question was asked under (default "import").</summary>
    public string? NoticeVersion { get; init; }
}

/// <summary>
/// An import job: its state (<c>uploaded</c>, <c>dry-running</c>, <c>dry-run-done</c>, <c>committing</c>, <c>done</c>,
/// <c>failed</c>, <c>cancelled</c>), progress in submissions (households) and what became of them.
/// </summary>
public sealed record ImportJobDto(
    Guid Id, string FileName, string Status, int RowsTotal, int Processed, int Ok, int Errors, int Duplicates, int Skipped,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Failure);

/// <summary>An upload's answer: the job, the file's columns and the mapping suggested (the form's remembered one, or the columns that map themselves).</summary>
public sealed record ImportUploadDto(ImportJobDto Job, IReadOnlyList<ImportColumnDto> Columns, ImportMappingDto Mapping, IReadOnlyList<string> Fields);

/// <summary>One line of the report: the sheet and row, <c>ok</c> / <c>error</c> (with the field and the reason) / <c>possible-duplicate</c> (with the candidate's household code) / <c>imported</c> / <c>already-imported</c>.</summary>
public sealed record ImportReportRowDto(string Sheet, int Row, string Outcome, string? Field, string? Reason, string? CandidateHouseholdCode);

public static class ImportsMapping
{
    public static string Status(ImportJobStatus s) => s switch
    {
        ImportJobStatus.Uploaded => "uploaded",
        ImportJobStatus.DryRunning => "dry-running",
        ImportJobStatus.DryRunDone => "dry-run-done",
        ImportJobStatus.Committing => "committing",
        ImportJobStatus.Done => "done",
        ImportJobStatus.Failed => "failed",
        _ => "cancelled",
    };

    public static string Outcome(ImportOutcome o) => o switch
    {
        ImportOutcome.Ok => "ok",
        ImportOutcome.Error => "error",
        ImportOutcome.PossibleDuplicate => "possible-duplicate",
        ImportOutcome.Imported => "imported",
        _ => "already-imported",
    };

    public static ImportJobDto ToDto(ImportJobView j) =>
        new(j.Id, j.FileName, Status(j.Status), j.RowsTotal, j.Processed, j.Ok, j.Errors, j.Duplicates, j.Skipped, j.CreatedAt, j.FinishedAt, j.Failure);

    public static ImportMappingDto ToDto(ImportMapping m) => new()
    {
        Columns = m.Columns.ToDictionary(),
        Values = m.Values.ToDictionary(v => v.Key, v => v.Value.ToDictionary()),
        NoticeVersion = m.NoticeVersion,
    };

    public static ImportMapping FromDto(ImportMappingDto d) => new()
    {
        Columns = (d.Columns ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Key)).ToDictionary(c => c.Key.Trim(), c => (c.Value ?? "").Trim()),
        Values = (d.Values ?? []).Where(v => v.Value is not null).ToDictionary(v => v.Key.Trim(), v => (IReadOnlyDictionary<string, string>)v.Value
            .Where(a => !string.IsNullOrWhiteSpace(a.Key) && !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key.Trim(), a => a.Value.Trim())),
        NoticeVersion = string.IsNullOrWhiteSpace(d.NoticeVersion) ? "import" : d.NoticeVersion.Trim(),
    };

    public static ImportUploadDto ToUploadDto(ImportJobView j) =>
        new(ToDto(j), j.Columns.Select(c => new ImportColumnDto(c.Sheet, c.Name, c.Field)).ToList(), ToDto(j.Mapping), [.. ImportFields.Household, .. ImportFields.Member]);
}
