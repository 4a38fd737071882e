using System.Collections.Concurrent;

namespace Panah.Matching;

/// <summary>What an incremental run found: pairs of a changed record with any indexed record, strongest first.</summary>
/// <param name="Pairs">One pair per two entities (see <see cref="IncrementalDedupe.Run"/>): matches (no
/// <see cref="ScoredPair.Reason"/>) and, within the review budget, near misses (<see cref="ReviewReason.Uncertain"/>).</param>
/// <param name="Compared">Entities among the changed records, each compared with the whole index.</param>
/// <param name="Deferred">Near misses beyond the review budget: scored below a match, left apart, not queued.</param>
public sealed record IncrementalResult(IReadOnlyList<ScoredPair> Pairs, int Compared, int Deferred);

/// <summary>
/// After a batch run, compares only the records added or changed since against the whole registry held in an
/// <see cref="OnlineIndex"/>, with the index's model (the one the batch run trained): each changed record is a probe,
/// as at registration, so the check while registering and the incremental run can never disagree. Blocking, the
/// cannot-links and the score are the batch run's; no pair of two unchanged records is ever looked at, so existing
/// groups stay as they are and a record that matches nobody proposes nothing.
/// </summary>
public static class IncrementalDedupe
{
    /// <summary>Indexed records read per changed record at most (a person has a record per spelling).</summary>
    private const int Top = 30;

    /// <summary>
    /// Compares <paramref name="changed"/> (already in <paramref name="index"/> as they are now) with every indexed record.
    /// <paramref name="entityOf"/> maps a record id to the registration it spells (records of one entity are never
    /// paired); by default every record is its own.
    /// </summary>
    public static IncrementalResult Run(OnlineIndex index, IReadOnlyList<PersonRecord> changed, Func<string, string>? entityOf = null, DedupeOptions? options = null,
        IProgress<DedupeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(changed);
        options ??= DedupeOptions.Default;
        entityOf ??= static id => id;
        var model = index.Model;
        var minimum = MatchModel.Probability(options.ReviewThreshold);
        var best = new ConcurrentDictionary<(string, string), ScoredPair>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        long done = 0;
        Parallel.For(0, changed.Count, parallel, i =>
        {
            var probe = changed[i];
            var entity = entityOf(probe.Id);
            foreach (var hit in index.Query(probe, Top, minimum))
            {
                var other = entityOf(hit.Id);
                var order = string.CompareOrdinal(entity, other);
                if (order == 0)
                    continue;
                var pair = order < 0 ? new ScoredPair(probe.Id, hit.Id, hit.Score, hit.Probability) : new ScoredPair(hit.Id, probe.Id, hit.Score, hit.Probability);
                best.AddOrUpdate(order < 0 ? (entity, other) : (other, entity), pair, (_, seen) => Stronger(seen, pair));
            }

            if ((Interlocked.Increment(ref done) & 0xFF) == 0)
                progress?.Report(new DedupeProgress("Comparing", done, changed.Count));
        });
        progress?.Report(new DedupeProgress("Comparing", changed.Count, changed.Count));

        // As in the batch run: every match is asked; near misses, the closest first, up to the budget per record compared.
        var compared = changed.Select(r => entityOf(r.Id)).Distinct(StringComparer.Ordinal).Count();
        var ordered = best.Values.OrderByDescending(p => p.Score).ThenBy(p => p.IdA, StringComparer.Ordinal).ThenBy(p => p.IdB, StringComparer.Ordinal).ToList();
        var matches = ordered.Where(p => p.Score >= model.Threshold).ToList();
        var near = ordered.Where(p => p.Score < model.Threshold).ToList();
        var budget = (int)Math.Min(near.Count, Math.Ceiling(options.ReviewBudget * compared));
        var pairs = matches.Concat(near.Take(budget).Select(p => p with { Reason = ReviewReason.Uncertain })).ToList();
        return new IncrementalResult(pairs, compared, near.Count - budget);
    }

    private static ScoredPair Stronger(ScoredPair seen, ScoredPair pair) =>
        pair.Score > seen.Score || (pair.Score == seen.Score && string.CompareOrdinal(pair.IdA + pair.IdB, seen.IdA + seen.IdB) < 0) ? pair : seen;
}
