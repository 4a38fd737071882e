using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Matching;

/// <summary>A pair of a group decision and the version the reviewer saw.</summary>
public sealed record PairVersion(Guid Id, long Version);

/// <summary>What a decision did: the pairs decided, and for "same person" who survived and who was merged into them.</summary>
public sealed record DuplicateDecision(IReadOnlyList<DuplicateReview> Reviews, Guid? Survivor, IReadOnlyList<Guid> Merged);

public sealed partial class DuplicateReviews
{
    /// <summary>
    /// Records the reviewer's decision on one pair. "Same person" merges the later registration into the earlier one:
    /// it leaves lists, search and the match index, and points to the survivor; nothing is deleted.
    /// </summary>
    public async Task<DuplicateReview?> DecideAsync(Guid id, bool samePerson, long expectedVersion, CancellationToken ct = default)
    {
        var review = await db.DuplicateReviews.FirstOrDefaultAsync(r => r.Id == id, ct);
        return review is null ? null : (await DecideAsync([review], [new PairVersion(id, expectedVersion)], samePerson, ct)).Reviews[0];
    }

    /// <summary>
    /// Decides pairs of the group <paramref name="groupId"/> at once. "Same person": every person of the pairs (which must
    /// hang together) is merged into the earliest registration, one audit entry per merge. Otherwise each pair is marked
    /// "not the same", which splits the group, and the rest stay pending. All or nothing: a pair decided or a group changed
    /// meanwhile (another reviewer, a new run) is a conflict and nothing is saved.
    /// </summary>
    public async Task<DuplicateDecision?> DecideGroupAsync(Guid groupId, IReadOnlyList<PairVersion> pairs, bool samePerson, CancellationToken ct = default)
    {
        if (pairs.Count == 0 || pairs.Select(p => p.Id).Distinct().Count() != pairs.Count)
        {
            throw new FieldException("pairs", "Choose the pairs to decide, each once.");
        }
        var ids = pairs.Select(p => p.Id).ToList();
        var reviews = await db.DuplicateReviews.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (reviews.Count != pairs.Count)
        {
            return null;
        }
        if (reviews.Any(r => r.Status != ReviewStatus.Pending))
        {
            throw new ConcurrencyConflictException();
        }
        var (_, places) = await PlacedAsync(ct);
        if (reviews.Any(r => !places.TryGetValue(r.Id, out var place) || place.GroupId != groupId))
        {
            throw new ConcurrencyConflictException();
        }
        if (samePerson && ReviewGroups.Place(reviews.Select(r => new PairEdge(r.Id, r.PersonAId, r.PersonBId)).ToList()).Values.Select(p => p.GroupId).Distinct().Count() > 1)
        {
            throw new FieldException("pairs", "Pairs decided as one person must hang together.");
        }
        return await DecideAsync(reviews, pairs, samePerson, ct);
    }

    private async Task<DuplicateDecision> DecideAsync(IReadOnlyList<DuplicateReview> reviews, IReadOnlyList<PairVersion> seen, bool samePerson, CancellationToken ct)
    {
        var versions = seen.ToDictionary(p => p.Id, p => p.Version);
        var now = clock.GetUtcNow();
        var events = new List<AuditEvent>();
        foreach (var review in reviews)
        {
            if (review.Version != versions[review.Id] || review.Status != ReviewStatus.Pending)
            {
                throw new ConcurrencyConflictException();
            }
            review.Status = samePerson ? ReviewStatus.SamePerson : ReviewStatus.NotSame;
            review.DecidedAt = now;
            review.DecidedBy = actor.Id;
            review.Version++;
            events.Add(new AuditEvent(samePerson ? "duplicates.same" : "duplicates.not-same", "duplicate", review.Id.ToString()));
        }
        var merged = new List<Guid>();
        Guid? survivorId = null;
        if (samePerson)
        {
            var ids = reviews.SelectMany(r => new[] { r.PersonAId, r.PersonBId }).Distinct().ToList();
            var people = await db.People.Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            if (people.Count != ids.Count || people.Any(p => p.MergedIntoId is not null))
            {
                throw new ConcurrencyConflictException();
            }
            // Ids are time-ordered: the earliest registration survives.
            var survivor = people.MinBy(p => p.Id)!;
            survivorId = survivor.Id;
            var later = people.Where(p => p.Id != survivor.Id).ToList();
            // PersonMerge moves the survivor's version too: a concurrent merge into or of it conflicts rather than chaining.
            foreach (var person in later)
            {
                // The pair that brought this registration in is the one an undo of its merge reopens.
                var review = reviews.FirstOrDefault(r => r.PersonAId == person.Id || r.PersonBId == person.Id);
                await merge.StageAsync(survivor.Id, person.Id, review?.Id, null, events, ct);
                merged.Add(person.Id);
            }
        }
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        foreach (var m in merged)
        {
            merge.Merged(m);
        }
        return new DuplicateDecision(reviews, survivorId, merged);
    }
}
