using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Entities;

namespace Panah.Data.Matching;

/// <summary>A pending pair with its place in the queue's graph and what is at stake for its people.</summary>
public sealed record QueuedPair(DuplicateReview Review, PairPlace Place, IReadOnlyList<string> Stakes);

/// <summary>Pending pairs whose probability lies in [<see cref="From"/>, <see cref="To"/>): their number and mean probability,
/// the share of them expected to be true duplicates.</summary>
public sealed record ProbabilityBand(double From, double To, int Count, double MeanProbability);

/// <summary>
/// The queue's size and expected precision per band, in the reader's scope; <see cref="Deferred"/> is the last run's
/// count of pairs beyond the review budget, over the whole registry (a count, nothing personal).
/// </summary>
public sealed record QueueSummary(int Pending, IReadOnlyList<ProbabilityBand> Bands, double ExpectedDuplicates, int? Deferred, DateTimeOffset? LastRunAt);

/// <summary>A person of a group, as the reader may see them.</summary>
public sealed record GroupMember(Guid PersonId, string HouseholdCode, PersonName Name);

/// <summary>Pending pairs that share people, to be decided at once: "these 4 are one person", or some pairs are not.</summary>
public sealed record ReviewGroup(Guid Id, IReadOnlyList<GroupMember> People, IReadOnlyList<ReviewSummary> Pairs);

public sealed partial class DuplicateReviews
{
    /// <summary>Lower edges of the probability bands the queue reports; the last band reaches 1.</summary>
    public static readonly double[] BandEdges = [0, ReviewProbability, 0.5, 0.8, 0.95];

    /// <summary>
    /// Every pending pair the reader may see (both people in their scope, by the access filter), in the order of what a
    /// decision is worth: pairs whose answer alone joins or splits a group of people first, then pairs whose people
    /// have something at stake (<see cref="IReviewStake"/>), then by probability.
    /// </summary>
    public async Task<List<QueuedPair>> PendingAsync(CancellationToken ct = default)
    {
        var (pending, places) = await PlacedAsync(ct);
        var people = pending.SelectMany(r => new[] { r.PersonAId, r.PersonBId }).ToHashSet();
        var staked = new List<(string Name, IReadOnlySet<Guid> People)>();
        foreach (var stake in stakes)
        {
            staked.Add((stake.Name, await stake.PeopleAsync(people, ct)));
        }
        return pending
            .Select(r => new QueuedPair(r, places[r.Id], staked.Where(s => s.People.Contains(r.PersonAId) || s.People.Contains(r.PersonBId)).Select(s => s.Name).ToList()))
            .OrderByDescending(q => q.Place.ChangesCluster)
            .ThenByDescending(q => q.Stakes.Count > 0)
            .ThenByDescending(q => q.Review.Probability)
            .ThenBy(q => q.Review.Id)
            .ToList();
    }

    /// <summary>Every pending pair the reader may see and its place in the queue's graph, without what is at stake (a group decision needs only the places).</summary>
    private async Task<(List<DuplicateReview> Pending, IReadOnlyDictionary<Guid, PairPlace> Places)> PlacedAsync(CancellationToken ct)
    {
        var pending = await db.DuplicateReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Pending).ToListAsync(ct);
        return (pending, ReviewGroups.Place(pending.Select(r => new PairEdge(r.Id, r.PersonAId, r.PersonBId)).ToList()));
    }

    /// <summary>The queue's size, its bands and the last run's figures; counts only, so no read of a person.</summary>
    public async Task<QueueSummary> SummaryAsync(CancellationToken ct = default)
    {
        var probabilities = await db.DuplicateReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Pending).Select(r => r.Probability).ToListAsync(ct);
        var bands = BandEdges.Select((from, i) =>
        {
            var to = i + 1 < BandEdges.Length ? BandEdges[i + 1] : 1.0;
            var inBand = probabilities.Where(p => p >= from && (p < to || (i + 1 == BandEdges.Length && p <= to))).ToList();
            return new ProbabilityBand(from, to, inBand.Count, inBand.Count == 0 ? 0 : inBand.Average());
        }).ToList();
        // Ids are time-ordered: the largest is the last run.
        var last = await db.DuplicateRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return new QueueSummary(probabilities.Count, bands, probabilities.Sum(), last?.Deferred, last?.FinishedAt);
    }

    /// <summary>The group of pending pairs that <paramref name="id"/> (a group's id or any of its pairs') belongs to, with everyone's names (one audited read).</summary>
    public async Task<ReviewGroup?> GroupAsync(Guid id, CancellationToken ct = default)
    {
        var pending = await PendingAsync(ct);
        var groupId = pending.FirstOrDefault(q => q.Review.Id == id)?.Place.GroupId;
        if (groupId is null)
        {
            return null;
        }
        var pairs = pending.Where(q => q.Place.GroupId == groupId).ToList();
        var names = await NamesAsync(pairs.SelectMany(q => new[] { q.Review.PersonAId, q.Review.PersonBId }), "duplicates.group", ct);
        if (pairs.Any(q => !names.ContainsKey(q.Review.PersonAId) || !names.ContainsKey(q.Review.PersonBId)))
        {
            return null;
        }
        // Earliest registration first: the one the others would be merged into.
        var people = names.OrderBy(n => n.Key).Select(n => new GroupMember(n.Key, n.Value.HouseholdCode, n.Value.Name)).ToList();
        return new ReviewGroup(groupId.Value, people, pairs.Select(q => Summary(q, names)).ToList());
    }
}
