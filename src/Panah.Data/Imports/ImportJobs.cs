using System.Text;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Imports;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Imports;

/// <summary>Section <c>Panah:Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Panah:Imports";

    /// <summary>The largest upload accepted (<c>MaxUploadMegabytes</c>, default 50).</summary>
    public int MaxUploadMegabytes { get; set; } = 50;

    /// <summary>Submissions per transaction (<c>BatchSize</c>, default 500); progress is saved after each batch.</summary>
    public int BatchSize { get; set; } = 500;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024;
}

/// <summary>A job as pages and the API show it: counts and states, and the file name (opened for the office's own officers).</summary>
public sealed record ImportJobView(
    Guid Id, string FileName, ImportJobStatus Status, int RowsTotal, int Processed, int Ok, int Errors, int Duplicates, int Skipped,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Failure, ImportMapping Mapping, IReadOnlyList<ImportColumn> Columns);

/// <summary>
/// Import jobs of the officer's offices (the context's filter: another office's job is not there): upload, mapping,
/// starting a dry run or a commit (run by <see cref="ImportJobRunner"/>), cancelling, and the report. Every change is audited.
/// </summary>
public sealed class ImportJobs(PanahDbContext db, ImportUploads uploads, RegistrySealer sealer, AuditLog audit, ImportOptions options, TimeProvider clock)
{
    /// <summary>
    /// Reads and checks the whole file first: a file that cannot be read is refused with its reason and leaves
    /// nothing behind (no job, no stored file). Then stores it encrypted and creates the job, with the form's
    /// remembered mapping or, without one, the columns that map themselves.
    /// </summary>
    public async Task<ImportJobView> CreateAsync(int fieldOfficeId, string fileName, Stream content, string? staffUserId, CancellationToken ct = default)
    {
        if (!db.Scope.CoversOffice(fieldOfficeId) || !await db.FieldOffices.AnyAsync(o => o.Id == fieldOfficeId, ct))
        {
            throw new FieldException("fieldOffice", "FieldOffice.Unknown");
        }
        var format = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : null;
        if (format is null)
        {
            throw new FieldException("file", "Import.UnknownFormat");
        }
        var bytes = new MemoryStream();
        await content.CopyToAsync(bytes, ct);
        if (bytes.Length > options.MaxUploadBytes)
        {
            throw new FieldException("file", "Import.TooLarge");
        }
        // The reader closes what it reads: it gets a view of the bytes, which are stored after.
        var sheets = Read(new MemoryStream(bytes.GetBuffer(), 0, (int)bytes.Length, writable: false), format);
        var total = ImportSubmissions.From(sheets).Count();
        if (total == 0)
        {
            throw new FieldException("file", "Import.Empty");
        }
        var formKey = ImportForms.KeyOf(sheets);
        var remembered = await db.ImportMappings.AsNoTracking().Where(m => m.FormKey == formKey).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        var mapping = remembered is null ? new ImportMapping() : ImportForms.ReadMapping(remembered);
        var (keyRow, key) = sealer.NewKey();
        var id = Guid.CreateVersion7();
        var job = new ImportJob
        {
            Id = id,
            FieldOfficeId = fieldOfficeId,
            StaffUserId = staffUserId,
            Key = keyRow,
            SealedFileName = FieldCipher.Seal(key, Encoding.UTF8.GetBytes(Path.GetFileName(fileName)), Context(id)),
            Format = format,
            FormKey = formKey,
            Status = ImportJobStatus.Uploaded,
            RowsTotal = total,
            MappingJson = ImportForms.Write(mapping),
            ColumnsJson = ImportForms.Write(ImportForms.Columns(sheets, mapping)),
            CreatedAt = clock.GetUtcNow(),
        };
        bytes.Position = 0;
        uploads.Save(id, key, bytes);
        try
        {
            db.ImportJobs.Add(job);
            await audit.SaveAsync(db, new AuditEvent("import.upload", "import", id.ToString(), $"format={format} submissions={total}"), ct);
        }
        catch
        {
            uploads.Delete(id);
            throw;
        }
        return View(job, key);
    }

    /// <summary>The sheets of a file, as <see cref="ImportFiles.Read"/> reads them; a CSV's sheet is named "upload", never after the file.</summary>
    public static IReadOnlyList<ImportSheet> Read(Stream file, string format)
    {
        file.Position = 0;
        return ImportFiles.Read(file, "upload." + format);
    }

    public async Task<List<ImportJobView>> ListAsync(CancellationToken ct = default)
    {
        var jobs = await db.ImportJobs.AsNoTracking().Include(j => j.Key).OrderByDescending(j => j.Id).Take(200).ToListAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("import.list", "import", null, $"jobs={jobs.Count}"), ct);
        return jobs.Select(j => View(j)).ToList();
    }

    public async Task<ImportJobView?> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.ImportJobs.AsNoTracking().Include(j => j.Key).FirstOrDefaultAsync(j => j.Id == id, ct) is { } job ? View(job) : null;

    /// <summary>Sets the job's mapping and remembers it for the form; a dry run already done is then out of date and the job is back to uploaded.</summary>
    public async Task<ImportJobView?> SetMappingAsync(Guid id, ImportMapping mapping, CancellationToken ct = default)
    {
        var unknown = mapping.Columns.Where(c => c.Value.Length > 0 && !ImportFields.IsKnown(c.Value)).Select(c => c.Key).ToList();
        if (unknown.Count > 0)
        {
            throw new FieldException(new Dictionary<string, List<string>> { ["columns"] = ["Import.UnknownField"] });
        }
        var job = await Tracked(id, ct);
        if (job is null)
        {
            return null;
        }
        Expect(job, ImportJobStatus.Uploaded, ImportJobStatus.DryRunDone, ImportJobStatus.Failed);
        job.MappingJson = ImportForms.Write(mapping);
        job.ColumnsJson = ImportForms.Write(ImportForms.ReadColumns(job.ColumnsJson).Select(c => c with { Field = mapping.FieldOf(c.Name) }).ToList());
        job.Status = ImportJobStatus.Uploaded;
        job.Failure = null;
        await db.ImportJobRows.Where(r => r.JobId == id).ExecuteDeleteAsync(ct);
        (job.Processed, job.Ok, job.Errors, job.Duplicates, job.Skipped) = (0, 0, 0, 0, 0);
        var remembered = await db.ImportMappings.FirstOrDefaultAsync(m => m.FormKey == job.FormKey, ct);
        if (remembered is null)
        {
            db.ImportMappings.Add(new ImportMappingRecord { FormKey = job.FormKey, MappingJson = job.MappingJson, UpdatedAt = clock.GetUtcNow() });
        }
        else
        {
            (remembered.MappingJson, remembered.UpdatedAt) = (job.MappingJson, clock.GetUtcNow());
        }
        await audit.SaveAsync(db, new AuditEvent("import.mapping", "import", id.ToString()), ct);
        return View(job);
    }

    /// <summary>Queues a dry run (from uploaded or a dry run done) or a commit (only after a dry run); the runner takes it from there.</summary>
    public async Task<ImportJobView?> StartAsync(Guid id, bool commit, CancellationToken ct = default)
    {
        var job = await Tracked(id, ct);
        if (job is null)
        {
            return null;
        }
        if (commit)
        {
            Expect(job, ImportJobStatus.DryRunDone);
        }
        else
        {
            Expect(job, ImportJobStatus.Uploaded, ImportJobStatus.DryRunDone);
        }
        if (!uploads.Exists(id))
        {
            throw new FieldException("file", "Import.FileGone");
        }
        await db.ImportJobRows.Where(r => r.JobId == id).ExecuteDeleteAsync(ct);
        job.Status = commit ? ImportJobStatus.Committing : ImportJobStatus.DryRunning;
        (job.Processed, job.Ok, job.Errors, job.Duplicates, job.Skipped) = (0, 0, 0, 0, 0);
        job.FinishedAt = null;
        await audit.SaveAsync(db, new AuditEvent(commit ? "import.commit" : "import.dry-run", "import", id.ToString()), ct);
        return View(job);
    }

    /// <summary>Cancels a job that is not done and deletes its file; a job being committed keeps what its finished batches imported.</summary>
    public async Task<ImportJobView?> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var job = await Tracked(id, ct);
        if (job is null)
        {
            return null;
        }
        if (job.Status is not (ImportJobStatus.Done or ImportJobStatus.Cancelled))
        {
            job.Status = ImportJobStatus.Cancelled;
            job.FinishedAt = clock.GetUtcNow();
        }
        await audit.SaveAsync(db, new AuditEvent("import.cancel", "import", id.ToString()), ct);
        uploads.Delete(id);
        return View(job);
    }

    /// <summary>The report of the job's last run, in file order; null when the job is not there.</summary>
    public async Task<List<ImportReportRow>?> ReportAsync(Guid id, int? take = null, CancellationToken ct = default)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == id, ct))
        {
            return null;
        }
        IQueryable<ImportJobRow> rows = db.ImportJobRows.AsNoTracking().Where(r => r.JobId == id).OrderBy(r => r.Submission).ThenBy(r => r.Id);
        if (take is { } n)
        {
            rows = rows.Take(n);
        }
        var list = await rows.Select(r => new ImportReportRow(r.Sheet, r.Row, r.Outcome, r.Field, r.Reason, r.CandidateHouseholdCode)).ToListAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("import.report", "import", id.ToString(), $"rows={list.Count}"), ct);
        return list;
    }

    private Task<ImportJob?> Tracked(Guid id, CancellationToken ct) => db.ImportJobs.Include(j => j.Key).FirstOrDefaultAsync(j => j.Id == id, ct);

    private static void Expect(ImportJob job, params ImportJobStatus[] allowed)
    {
        if (!allowed.Contains(job.Status))
        {
            throw new FieldException("status", "Import.WrongState");
        }
    }

    private ImportJobView View(ImportJob job, byte[]? key = null)
    {
        var name = "";
        if (job.Key?.Wrapped is not null)
        {
            name = Encoding.UTF8.GetString(FieldCipher.Open(key ?? sealer.OpenKey(job.Key), job.SealedFileName, Context(job.Id)));
        }
        return new ImportJobView(job.Id, name, job.Status, job.RowsTotal, job.Processed, job.Ok, job.Errors, job.Duplicates, job.Skipped,
            job.CreatedAt, job.FinishedAt, job.Failure, ImportForms.ReadMapping(job.MappingJson), ImportForms.ReadColumns(job.ColumnsJson));
    }

    internal static byte[] Context(Guid jobId) => Encoding.ASCII.GetBytes($"import:{jobId:N}");
}
