using Microsoft.EntityFrameworkCore;
using Panah.Core.Imports;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Imports;

/// <summary>Where a job's run stands: submissions done of all.</summary>
public readonly record struct ImportProgress(int Processed, int Total);

/// <summary>
/// Runs a job's dry run or commit in batches of <see cref="ImportOptions.BatchSize"/> submissions. Each batch, its
/// report lines and the job's progress commit in one transaction, so a run stopped anywhere (a restart, a crash)
/// resumes after the last batch that committed, without importing anyone twice. When a commit is done, or a job
/// fails, its file is overwritten and deleted. Runs in the scope of the officer who started it (the caller sets it).
/// </summary>
public sealed class ImportJobRunner(PanahDbContext db, Importer importer, ImportUploads uploads, RegistrySealer sealer, AuditLog audit, ImportOptions options, TimeProvider clock,
    Matching.RegistryMatchIndex matchIndex)
{
    /// <summary>
    /// Runs at most <paramref name="maxBatches"/> batches of the job (all that are left by default); true when the job
    /// has more to do. A job not running (uploaded, done, cancelled, or of another office) is left as it is.
    /// </summary>
    public async Task<bool> RunAsync(Guid jobId, int maxBatches = int.MaxValue, IProgress<ImportProgress>? progress = null, int? batchSize = null, CancellationToken ct = default)
    {
        var job = await Load(jobId, ct);
        if (job is null || job.Status is not (ImportJobStatus.DryRunning or ImportJobStatus.Committing))
        {
            return false;
        }
        var commit = job.Status == ImportJobStatus.Committing;
        var mapping = ImportForms.ReadMapping(job.MappingJson);
        List<ImportSubmission> submissions;
        try
        {
            using var file = uploads.Open(jobId, sealer.OpenKey(job.Key!));
            submissions = ImportSubmissions.From(ImportJobs.Read(file, job.Format)).ToList();
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or Validation.FieldException)
        {
            await FailAsync(job.Id, e, ct);
            return false;
        }
        var inFile = commit ? null : await FileIndexAsync(job, submissions, mapping, ct);
        var size = Math.Max(1, batchSize ?? options.BatchSize);
        for (var batch = 0; batch < maxBatches && job.Processed < submissions.Count; batch++)
        {
            ct.ThrowIfCancellationRequested();
            var from = job.Processed;
            var part = submissions.GetRange(from, Math.Min(size, submissions.Count - from));
            await using (var transaction = commit ? await db.Database.BeginTransactionAsync(ct) : null)
            {
                // Lines and counts join the context only after the batch: a dry run's duplicate check saves its audit
                // entry on the way, and must not save half a batch with it.
                var rows = new List<ImportJobRow>();
                var counts = new ImportCounts();
                for (var i = 0; i < part.Count; i++)
                {
                    var one = new[] { part[i] };
                    var lines = commit ? await importer.CommitAsync(job.FieldOfficeId, one, mapping, ct) : await importer.DryRunAsync(job.FieldOfficeId, one, mapping, ct, inFile);
                    counts.Add(lines);
                    rows.AddRange(lines.Select(l => new ImportJobRow
                    {
                        JobId = jobId, Submission = from + i, Sheet = Cut(l.Sheet, 100)!, Row = l.Row, Outcome = l.Outcome,
                        Field = Cut(l.Field, 100), Reason = Cut(l.Reason, 100), CandidateHouseholdCode = l.CandidateHouseholdCode,
                    }));
                }
                db.ImportJobRows.AddRange(rows);
                (job.Ok, job.Errors, job.Duplicates, job.Skipped) = (job.Ok + counts.Ok, job.Errors + counts.Errors, job.Duplicates + counts.Duplicates, job.Skipped + counts.Skipped);
                job.Processed = from + part.Count;
                var done = job.Processed >= submissions.Count;
                if (done)
                {
                    job.Status = commit ? ImportJobStatus.Done : ImportJobStatus.DryRunDone;
                    job.FinishedAt = clock.GetUtcNow();
                }
                try
                {
                    await audit.SaveAsync(db, new AuditEvent(commit ? "import.batch" : "import.dry-run-batch", "import", jobId.ToString(),
                        $"from={from} count={part.Count} ok={job.Ok} errors={job.Errors} duplicates={job.Duplicates} skipped={job.Skipped}"), ct);
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(ct);
                    }
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another runner (another node, or the process before a restart) saved this batch first: it has the job.
                    db.ChangeTracker.Clear();
                    return false;
                }
            }
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress(job.Processed, submissions.Count));
            if (job.Status == ImportJobStatus.Done)
            {
                uploads.Delete(jobId);
                return false;
            }
            job = await Load(jobId, ct);
            if (job is null || job.Status is not (ImportJobStatus.DryRunning or ImportJobStatus.Committing))
            {
                // Cancelled meanwhile.
                return false;
            }
        }
        return job.Processed < submissions.Count;
    }

    /// <summary>
    /// A dry run's index of the file's good households so far: empty at its start; when it resumes, those of the batches
    /// it had done, read again from the file (the report says which they were).
    /// </summary>
    private async Task<ImportFileIndex> FileIndexAsync(ImportJob job, List<ImportSubmission> submissions, ImportMapping mapping, CancellationToken ct)
    {
        var inFile = new ImportFileIndex(matchIndex.Model);
        if (job.Processed > 0)
        {
            var good = await db.ImportJobRows.AsNoTracking().Where(r => r.JobId == job.Id && r.Outcome == ImportOutcome.Ok).Select(r => r.Submission).Distinct().ToListAsync(ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            foreach (var i in good.Where(i => i < submissions.Count).Order())
            {
                inFile.Add(ImportedHousehold.Read(submissions[i], mapping, today));
            }
        }
        return inFile;
    }

    /// <summary>Marks the job failed (the exception's type, never a value) and deletes its file.</summary>
    public async Task FailAsync(Guid jobId, Exception e, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var row = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (row is not null)
        {
            row.Status = ImportJobStatus.Failed;
            row.Failure = e.GetType().Name;
            row.FinishedAt = clock.GetUtcNow();
            await audit.SaveAsync(db, new AuditEvent("import.failed", "import", jobId.ToString(), row.Failure), ct);
        }
        uploads.Delete(jobId);
    }

    /// <summary>Jobs left running (a restart stopped them), of every office: the runner resumes them, each in its officer's scope.</summary>
    public static Task<List<(Guid Id, string? StaffUserId)>> RunningAsync(PanahDbContext db, CancellationToken ct = default) =>
        db.ImportJobs.IgnoreQueryFilters([Access.AccessScope.FilterName]).AsNoTracking()
            .Where(j => j.Status == ImportJobStatus.DryRunning || j.Status == ImportJobStatus.Committing)
            .OrderBy(j => j.Id).Select(j => new ValueTuple<Guid, string?>(j.Id, j.StaffUserId)).ToListAsync(ct);

    /// <summary>A submission is counted once: an error row makes it an error, else a duplicate row a duplicate.</summary>
    private sealed class ImportCounts
    {
        public int Ok { get; private set; }
        public int Errors { get; private set; }
        public int Duplicates { get; private set; }
        public int Skipped { get; private set; }

        public void Add(List<ImportReportRow> lines)
        {
            if (lines.Any(l => l.Outcome == ImportOutcome.Error))
            {
                Errors++;
            }
            else if (lines.Any(l => l.Outcome == ImportOutcome.PossibleDuplicate))
            {
                Duplicates++;
            }
            else if (lines.Any(l => l.Outcome == ImportOutcome.AlreadyImported))
            {
                Skipped++;
            }
            else
            {
                Ok++;
            }
        }
    }

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    private Task<ImportJob?> Load(Guid id, CancellationToken ct) => db.ImportJobs.Include(j => j.Key).FirstOrDefaultAsync(j => j.Id == id, ct);
}
