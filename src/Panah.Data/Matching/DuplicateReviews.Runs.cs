using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>Section <c>Panah:DuplicateRuns</c>.</summary>
public sealed class DuplicateRunOptions
{
    public const string Section = "Panah:DuplicateRuns";

    /// <summary>
    /// An incremental run compares what changed since the last run began reading, less this overlap
    /// (<c>ChangeOverlapSeconds</c>, default 120): a change saved by a transaction still open then, or stamped by an app
    /// node whose clock runs a little behind, is compared again rather than missed. Pairs already known are never
    /// proposed twice, so the overlap costs a few comparisons, nothing more.
    /// </summary>
    public int ChangeOverlapSeconds { get; set; } = 120;

    public static DuplicateRunOptions Read(IConfiguration configuration)
    {
        var options = new DuplicateRunOptions();
        configuration.GetSection(Section).Bind(options);
        options.ChangeOverlapSeconds = Math.Clamp(options.ChangeOverlapSeconds, 0, 86_400);
        return options;
    }
}

public sealed partial class DuplicateReviews
{
    /// <summary>
    /// A duplicate run. The first one, one asked for as <paramref name="full"/>, and one on a registry that outgrew the
    /// hand-set model is a batch run: it reads everyone, trains the model and clusters; every node's online check then
    /// scores with that model (kept as <see cref="DuplicateRun.Model"/>). Every other run is incremental: only the people
    /// added or changed since the last run are compared, each against the whole match index, with that same model.
    /// Either way a pair already queued or decided is never proposed again.
    /// </summary>
    public async Task<DuplicateRunResult> RunAsync(bool full = false, IProgress<DedupeProgress>? progress = null, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var readAt = clock.GetUtcNow();
        var runs = db.DuplicateRuns.AsNoTracking().OrderByDescending(r => r.Id);
        var last = await runs.FirstOrDefaultAsync(ct);
        var batch = await runs.FirstOrDefaultAsync(r => !r.Incremental, ct);
        var incremental = !full && last is not null && batch is not null && index.IsReady
            && !(batch.Model is null && index.Count >= RegistryMatchIndex.MinimumForTraining);
        progress?.Report(new DedupeProgress("reading", 0, 1));
        List<ScoredPair> found;
        int people, compared, deferred;
        string? model = null;
        if (incremental)
        {
            if (index.ModelRun != batch!.Id)
            {
                // Another node ran the batch, or this one started before it: score with the model it trained.
                index.UseModel(ModelOf(batch), batch.Id);
            }
            var changed = await source.LoadChangedAsync(last!.ReadAt.AddSeconds(-runOptions.ChangeOverlapSeconds), "duplicate-run", ct);
            index.Refresh(changed);
            var result = await Task.Run(() => index.Compare(changed, progress, ct), ct);
            found = [.. result.Pairs];
            (people, compared, deferred) = (await source.CountAsync("duplicate-run", ct), result.Compared, result.Deferred);
        }
        else
        {
            var records = await source.LoadAsync("duplicate-run", new Progress<(long Done, long Total)>(p => progress?.Report(new DedupeProgress("reading", p.Done, p.Total))), ct);
            var trained = records.Count >= RegistryMatchIndex.MinimumForTraining;
            var result = await Task.Run(() => new Deduplicator().Run(records, trained ? null : MatchModel.Default, progress, ct), ct);
            found = [.. result.Links, .. result.ReviewQueue];
            // One person has a matcher record per spelling of the name: count people, not records.
            people = compared = records.Select(r => MatchRecords.PersonOf(r.Id)).Distinct().Count();
            deferred = result.ReviewDeferred;
            if (trained)
            {
                using var json = new MemoryStream();
                result.Model.SaveParameters(json);
                model = Encoding.UTF8.GetString(json.ToArray());
            }
            batch = new DuplicateRun { Id = Guid.CreateVersion7(), Model = model };
            if (index.IsReady)
            {
                index.UseModel(result.Model, batch.Id);
            }
        }
        var (added, known) = await ProposeAsync(found, ct);
        var run = new DuplicateRun
        {
            Id = incremental ? Guid.CreateVersion7() : batch!.Id,
            FinishedAt = clock.GetUtcNow(),
            ReadAt = readAt,
            Incremental = incremental,
            People = people,
            Compared = compared,
            Proposed = added,
            Known = known,
            Deferred = deferred,
            Model = model,
        };
        db.DuplicateRuns.Add(run);
        await audit.SaveAsync(db, new AuditEvent("duplicates.run", "person", null,
            $"incremental={incremental} people={people} compared={compared} proposed={added} known={known} deferred={deferred}"), ct);
        return new DuplicateRunResult(people, added, known, clock.GetElapsedTime(started), deferred) { Incremental = incremental, Compared = compared };
    }

    /// <summary>The last batch run and the model it trained, for the match index at start-up; null before any batch run.</summary>
    public static async Task<(Guid Run, MatchModel Model)?> LastModelAsync(PanahDbContext db, CancellationToken ct = default) =>
        await db.DuplicateRuns.AsNoTracking().Where(r => !r.Incremental).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct) is { } run ? (run.Id, ModelOf(run)) : null;

    /// <summary>The model a batch run trained, without value frequencies (the index counts them), or the hand-set one when it trained none.</summary>
    private static MatchModel ModelOf(DuplicateRun batch) =>
        batch.Model is null ? MatchModel.Default : MatchModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(batch.Model)));

    /// <summary>Queues the pairs of two different people not queued or decided before; how many were new and how many known.</summary>
    private async Task<(int Added, int Known)> ProposeAsync(IEnumerable<ScoredPair> found, CancellationToken ct)
    {
        var pairs = new Dictionary<(Guid, Guid), ScoredPair>();
        foreach (var pair in found.Where(p => p.Probability >= ReviewProbability || p.Reason is not null))
        {
            var a = MatchRecords.PersonOf(pair.IdA);
            var b = MatchRecords.PersonOf(pair.IdB);
            if (a == b)
            {
                continue;
            }
            var key = a.CompareTo(b) < 0 ? (a, b) : (b, a);
            if (!pairs.TryGetValue(key, out var seen) || seen.Score < pair.Score)
            {
                pairs[key] = pair;
            }
        }
        // Every pair ever decided or queued, whoever may see it: a pair is never proposed twice.
        var known = (await (await unscoped.AllAsync<DuplicateReview>("duplicate-run", ct)).AsNoTracking().Select(r => new { r.PersonAId, r.PersonBId }).ToListAsync(ct))
            .Select(r => (r.PersonAId, r.PersonBId)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var ((a, b), pair) in pairs)
        {
            if (known.Contains((a, b)))
            {
                continue;
            }
            db.DuplicateReviews.Add(new DuplicateReview
            {
                Id = Guid.CreateVersion7(),
                PersonAId = a,
                PersonBId = b,
                Score = pair.Score,
                Probability = pair.Probability,
                Reason = pair.Reason?.ToString() ?? "Match",
                Status = ReviewStatus.Pending,
                CreatedAt = now,
                Version = 1,
            });
            added++;
        }
        return (added, pairs.Count - added);
    }
}
