using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>What a batch run found.</summary>
public sealed record DuplicateRunResult(int People, int PairsProposed, int AlreadyKnown, TimeSpan Elapsed);

/// <summary>A pair in the review queue with both people's names, so a reviewer can triage without opening it.</summary>
public sealed record ReviewSummary(
    Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, ReviewStatus Status, long Version, PersonName NameA, PersonName NameB);

/// <summary>A pair under review with both records and why the matcher paired them.</summary>
public sealed record ReviewView(DuplicateReview Review, PersonView A, PersonView B, PairExplanation Explanation);

/// <summary>
/// The batch duplicate run over the whole registry and the review queue it feeds. A reviewer decides
/// "same person" (the later registration is merged into the earlier; both records and their audit
/// trails stay) or "not the same" (remembered, never proposed again).
/// </summary>
public sealed class DuplicateReviews(PanahDbContext db, MatchSource source, RegistryStore registry, RegistrySealer sealer, RegistryMatchIndex index, ListCounts counts, AuditLog audit, IActor actor, TimeProvider clock, UnscopedReads unscoped, PersonMerge merge)
{
    /// <summary>Pairs at or above this match probability, or that the matcher itself could not settle, are queued.</summary>
    public const double ReviewProbability = 0.2;

    public async Task<DuplicateRunResult> RunAsync(IProgress<DedupeProgress>? progress = null, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        progress?.Report(new DedupeProgress("reading", 0, 1));
        var records = await source.LoadAsync("duplicate-run", new Progress<(long Done, long Total)>(p => progress?.Report(new DedupeProgress("reading", p.Done, p.Total))), ct);
        var model = records.Count >= RegistryMatchIndex.MinimumForTraining ? null : MatchModel.Default;
        var result = await Task.Run(() => new Deduplicator().Run(records, model, progress, ct), ct);
        var pairs = new Dictionary<(Guid, Guid), ScoredPair>();
        foreach (var pair in result.Links.Concat(result.ReviewQueue).Where(p => p.Probability >= ReviewProbability || p.Reason is not null))
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
        var elapsed = clock.GetElapsedTime(started);
        // One person has a matcher record per spelling of the name: count people, not records.
        var people = records.Select(r => MatchRecords.PersonOf(r.Id)).Distinct().Count();
        await audit.SaveAsync(db, new AuditEvent("duplicates.run", "person", null, $"people={people} proposed={added} known={pairs.Count - added}"), ct);
        return new DuplicateRunResult(people, added, pairs.Count - added, elapsed);
    }

    /// <summary>One page of the queue with both people's names; showing a name is a read of that person, audited.</summary>
    public async Task<(List<ReviewSummary> Items, int Total)> ListAsync(ReviewStatus status, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.DuplicateReviews.AsNoTracking().Where(r => r.Status == status);
        var total = await query.CountAsync(ct);
        var reviews = await query.OrderByDescending(r => r.Probability).ThenBy(r => r.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = reviews.SelectMany(r => new[] { r.PersonAId, r.PersonBId }).Distinct().ToList();
        // A decided pair may name a person erased since: their name is gone, and the pair is not shown.
        var names = (await db.People.AsNoTracking().Include(p => p.Key).Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .Where(p => !p.Key!.IsErased())
            .ToDictionary(p => p.Id, p => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p).Name.CutName(db.Scope.Fields));
        if (names.Count > 0)
        {
            await audit.SaveAsync(db, new AuditEvent("duplicates.list", "person", null, $"shown={names.Count}") { People = names.Keys.ToList() }, ct);
        }
        var items = reviews.Where(r => names.ContainsKey(r.PersonAId) && names.ContainsKey(r.PersonBId))
            .Select(r => new ReviewSummary(r.Id, r.PersonAId, r.PersonBId, r.Probability, r.Score, r.Reason, r.Status, r.Version, names[r.PersonAId], names[r.PersonBId]))
            .ToList();
        return (items, total);
    }

    /// <summary>Both records side by side (each read is audited) and each field's contribution.</summary>
    public async Task<ReviewView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var review = await db.DuplicateReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return null;
        }
        var a = await registry.GetPersonAsync(review.PersonAId, ct);
        var b = await registry.GetPersonAsync(review.PersonBId, ct);
        if (a is null || b is null || a.IsErased || b.IsErased)
        {
            return null;
        }
        var addressA = await AddressAsync(a.HouseholdId, ct);
        var addressB = await AddressAsync(b.HouseholdId, ct);
        var explanation = MatchRecords.For(a.Id, a.Details, addressA)
            .SelectMany(x => MatchRecords.For(b.Id, b.Details, addressB).Select(y => index.Model.Explain(x, y)))
            .MaxBy(e => e.Score)!;
        return new ReviewView(review, a, b, explanation);
    }

    private async Task<string?> AddressAsync(Guid householdId, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().Include(x => x.Key).FirstAsync(x => x.Id == householdId, ct);
        return sealer.OpenHouseholdOrTombstone(h).Address;
    }

    /// <summary>
    /// Records the reviewer's decision. "Same person" merges the later registration into the earlier one:
    /// it leaves lists, search and the match index, and points to the survivor; nothing is deleted.
    /// </summary>
    public async Task<DuplicateReview?> DecideAsync(Guid id, bool samePerson, long expectedVersion, CancellationToken ct = default)
    {
        var review = await db.DuplicateReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return null;
        }
        if (review.Version != expectedVersion || review.Status != ReviewStatus.Pending)
        {
            throw new ConcurrencyConflictException();
        }
        review.Status = samePerson ? ReviewStatus.SamePerson : ReviewStatus.NotSame;
        review.DecidedAt = clock.GetUtcNow();
        review.DecidedBy = actor.Id;
        review.Version++;
        var events = new List<AuditEvent> { new(samePerson ? "duplicates.same" : "duplicates.not-same", "duplicate", id.ToString()) };
        Guid? merged = null;
        if (samePerson)
        {
            merged = await merge.MergeLaterIntoEarlierAsync(review.PersonAId, review.PersonBId, review.Id, events, ct);
        }
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        if (merged is { } m)
        {
            index.Remove(m);
            counts.Clear();
        }
        return review;
    }
}
