using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>What a duplicate run found; <see cref="Compared"/> people were compared (all for a batch run).</summary>
public sealed record DuplicateRunResult(int People, int PairsProposed, int AlreadyKnown, TimeSpan Elapsed, int Deferred = 0)
{
    public bool Incremental { get; init; }
    public int Compared { get; init; }
}

/// <summary>A pair in the review queue with both people's names, so a reviewer can triage without opening it.</summary>
public sealed record ReviewSummary(
    Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, ReviewStatus Status, long Version, PersonName NameA, PersonName NameB)
{
    /// <summary>Its group and whether it is a bridge; default for a decided pair (decided pairs form no groups).</summary>
    public PairPlace Place { get; init; }

    /// <summary>What is at stake for its people (<see cref="IReviewStake.Name"/>), e.g. an open food entitlement.</summary>
    public IReadOnlyList<string> Stakes { get; init; } = [];
}

/// <summary>A pair under review with both records and why the matcher paired them.</summary>
public sealed record ReviewView(DuplicateReview Review, PersonView A, PersonView B, PairExplanation Explanation);

/// <summary>
/// The batch duplicate run over the whole registry and the review queue it feeds. A reviewer decides
/// "same person" (the later registration is merged into the earlier; both records and their audit
/// trails stay) or "not the same" (remembered, never proposed again).
/// </summary>
public sealed partial class DuplicateReviews(
    PanahDbContext db, MatchSource source, RegistryStore registry, RegistrySealer sealer, RegistryMatchIndex index, AuditLog audit, IActor actor, TimeProvider clock,
    UnscopedReads unscoped, IEnumerable<IReviewStake> stakes, PersonMerge merge, DuplicateRunOptions runOptions)
{
    /// <summary>Pairs at or above this match probability, or that the matcher itself could not settle, are queued.</summary>
    public const double ReviewProbability = 0.2;

    /// <summary>
    /// One page of the queue with both people's names; showing a name is a read of that person, audited. Pending pairs
    /// come in the order of what a decision is worth (<see cref="PendingAsync"/>), decided ones by probability.
    /// </summary>
    public async Task<(List<ReviewSummary> Items, int Total)> ListAsync(ReviewStatus status, int page, int pageSize, CancellationToken ct = default)
    {
        var skip = (Math.Max(page, 1) - 1) * pageSize;
        List<QueuedPair> queued;
        int total;
        if (status == ReviewStatus.Pending)
        {
            var pending = await PendingAsync(ct);
            total = pending.Count;
            queued = pending.Skip(skip).Take(pageSize).ToList();
        }
        else
        {
            var query = db.DuplicateReviews.AsNoTracking().Where(r => r.Status == status);
            total = await query.CountAsync(ct);
            queued = (await query.OrderByDescending(r => r.Probability).ThenBy(r => r.Id).Skip(skip).Take(pageSize).ToListAsync(ct))
                .Select(r => new QueuedPair(r, default, [])).ToList();
        }
        var names = await NamesAsync(queued.SelectMany(q => new[] { q.Review.PersonAId, q.Review.PersonBId }), "duplicates.list", ct);
        var items = queued.Where(q => names.ContainsKey(q.Review.PersonAId) && names.ContainsKey(q.Review.PersonBId))
            .Select(q => Summary(q, names))
            .ToList();
        return (items, total);
    }

    private static ReviewSummary Summary(QueuedPair q, Dictionary<Guid, (PersonName Name, string HouseholdCode)> names)
    {
        var r = q.Review;
        return new ReviewSummary(r.Id, r.PersonAId, r.PersonBId, r.Probability, r.Score, r.Reason, r.Status, r.Version, names[r.PersonAId].Name, names[r.PersonBId].Name)
        {
            Place = q.Place,
            Stakes = q.Stakes,
        };
    }

    /// <summary>
    /// The names (as the reader's role may see them) and household codes of <paramref name="people"/>, one audit entry
    /// naming everyone shown. A person erased since a pair was queued has no name left and is not shown.
    /// </summary>
    private async Task<Dictionary<Guid, (PersonName Name, string HouseholdCode)>> NamesAsync(IEnumerable<Guid> people, string action, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        var names = (await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household).Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .Where(p => !p.Key!.IsErased())
            .ToDictionary(p => p.Id, p => (RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p).Name.CutName(db.Scope.Fields), p.Household!.Code));
        if (names.Count > 0)
        {
            await audit.SaveAsync(db, new AuditEvent(action, "person", null, $"shown={names.Count}") { People = names.Keys.ToList() }, ct);
        }
        return names;
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
}
