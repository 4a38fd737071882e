using System.Collections.Concurrent;

namespace Panah.Matching;

/// <summary>
/// Finds the registrations that belong to the same person: normalise every record, block on several keys,
/// compare candidate pairs, train the model by EM on those comparisons (no labels needed), score, and
/// cluster with average linkage under cannot-link constraints (<see cref="CannotLink"/>). Stateless; one instance can run many times, one run at a time per call.
/// </summary>
public sealed class Deduplicator
{
    private const int Chunk = 1 << 16;
    private readonly DedupeOptions _options;

    /// <summary>Creates a deduplicator with the given settings (defaults when null).</summary>
    public Deduplicator(DedupeOptions? options = null) => _options = options ?? DedupeOptions.Default;

    /// <summary>Deduplicates <paramref name="records"/>, training a model on them.</summary>
    public DedupeResult Run(IReadOnlyList<PersonRecord> records, IProgress<DedupeProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Run(records, null, progress, cancellationToken);

    /// <summary>Deduplicates <paramref name="records"/> with a given model, or trains one when <paramref name="model"/> is null.</summary>
    public DedupeResult Run(IReadOnlyList<PersonRecord> records, MatchModel? model, IProgress<DedupeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };

        var prepared = Prepare(records, parallel, progress);
        var frequencies = model?.Frequencies ?? TermFrequencies.Count(prepared);
        Parallel.For(0, prepared.Length, parallel, i => frequencies.Annotate(prepared[i]));

        progress?.Report(new DedupeProgress("Blocking", 0, 1));
        var pairs = CandidatePairs.Generate(prepared, _options, out var blocking);
        progress?.Report(new DedupeProgress("Blocking", 1, 1));

        var patterns = Compare(prepared, pairs, frequencies, parallel, progress, out var patternCounts);
        var iterations = 0;
        if (model is null)
        {
            progress?.Report(new DedupeProgress("Training", 0, 1));
            var u = RandomPairs.EstimateU(prepared, _options.RandomPairs, _options.Seed, parallel);
            var sameDate = TrainingPairs.SameBirthDate(prepared, _options.TrainingPairs);
            var sameNames = TrainingPairs.SameNames(prepared, _options.TrainingPairs);
            model = ExpectationMaximisation.FitByBlocks(patternCounts, sameDate, sameNames, u, frequencies, AllPairs(prepared.Length), _options.MaxEmIterations, out iterations);
            progress?.Report(new DedupeProgress("Training", 1, 1));
        }

        model = model.WithThreshold(_options.MatchThreshold);
        var (edges, candidates) = Score(prepared, pairs, patterns, model, parallel);
        var clusterOf = Cluster(prepared, edges, candidates, model, progress, out var clusterCount, out var links, out var review, out var deferred);
        return new DedupeResult(records, clusterOf, clusterCount, model, links, review, blocking, iterations) { ReviewDeferred = deferred };
    }

    internal static double AllPairs(int n) => (double)n * (n - 1) / 2;

    internal static PreparedRecord[] Prepare(IReadOnlyList<PersonRecord> records, ParallelOptions parallel, IProgress<DedupeProgress>? progress)
    {
        var prepared = new PreparedRecord[records.Count];
        // A partitioner of no range throws: an empty registry, or one where no two records share a block, has nothing to do.
        if (records.Count == 0)
            return prepared;
        long done = 0;
        Parallel.ForEach(Partitioner.Create(0, records.Count, Chunk), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var r = records[i];
                if (string.IsNullOrEmpty(r?.Id))
                    ThrowHelper.Argument($"Record {i} is null or has no id.", nameof(records));
                prepared[i] = new PreparedRecord(r);
            }

            progress?.Report(new DedupeProgress("Normalising", Interlocked.Add(ref done, range.Item2 - range.Item1), records.Count));
        });
        return prepared;
    }

    internal static ulong[] Compare(PreparedRecord[] prepared, long[] pairs, TermFrequencies frequencies, ParallelOptions parallel, IProgress<DedupeProgress>? progress, out Dictionary<ulong, long> patternCounts)
    {
        var patterns = new ulong[pairs.Length];
        var merged = new Dictionary<ulong, long>();
        patternCounts = merged;
        if (pairs.Length == 0)
            return patterns;
        long done = 0;
        Parallel.ForEach(Partitioner.Create(0, pairs.Length, Chunk), parallel, () => new Dictionary<ulong, long>(), (range, state, local) =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var (i, j) = CandidatePairs.Unpack(pairs[k]);
                var c = Comparer.Compare(prepared[i], prepared[j]).WithCannotLink(prepared[i], prepared[j]).WithTermFrequencies(frequencies, prepared[i]);
                patterns[k] = c.Pattern;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(local, c.Levels, out _)++;
            }

            progress?.Report(new DedupeProgress("Comparing", Interlocked.Add(ref done, range.Item2 - range.Item1), pairs.Length));
            return local;
        }, local =>
        {
            lock (merged)
            {
                foreach (var (pattern, count) in local)
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(merged, pattern, out _) += count;
            }
        });
        return patterns;
    }

    private (List<(long Pair, double Score)> Edges, List<Candidate> Review) Score(PreparedRecord[] prepared, long[] pairs, ulong[] patterns, MatchModel model, ParallelOptions parallel)
    {
        var edges = new List<(long, double)>();
        var review = new List<Candidate>();
        if (pairs.Length == 0)
            return (edges, review);
        Parallel.ForEach(Partitioner.Create(0, pairs.Length, Chunk), parallel, () => (new List<(long, double)>(), new List<Candidate>()), (range, state, local) =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var (i, j) = CandidatePairs.Unpack(pairs[k]);
                var comparison = new Comparison(patterns[k]);
                var score = model.Score(prepared[i], prepared[j], comparison);
                if (score < _options.ReviewThreshold || comparison.CannotLink)
                    continue;
                if (score >= _options.MatchThreshold)
                    local.Item1.Add((pairs[k], score));
                else
                    local.Item2.Add(new Candidate(pairs[k], score, ReviewReason.Uncertain));
            }

            return local;
        }, local =>
        {
            lock (edges)
            {
                edges.AddRange(local.Item1);
                review.AddRange(local.Item2);
            }
        });
        return (edges, review);
    }

    /// <summary>A pair for the review queue, by record index.</summary>
    private readonly record struct Candidate(long Pair, double Score, ReviewReason Reason);

    private int[] Cluster(PreparedRecord[] prepared, List<(long Pair, double Score)> edges, List<Candidate> candidates, MatchModel model,
        IProgress<DedupeProgress>? progress, out int clusterCount, out List<ScoredPair> links, out List<ScoredPair> review, out int deferred)
    {
        edges.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Pair.CompareTo(y.Pair));
        var clusterer = new Clusterer(prepared.Length, (i, j) => PairScore(model, prepared[i], prepared[j]), _options.MaxClusterSize, _options.ClusterFloor);
        links = [];
        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j) = CandidatePairs.Unpack(edges[e].Pair);
            var score = edges[e].Score;
            if (clusterer.TryLink(i, j, out var refused))
                links.Add(new ScoredPair(prepared[i].Source.Id, prepared[j].Source.Id, score, MatchModel.Probability(score)));
            else if (refused)
                candidates.Add(new Candidate(edges[e].Pair, score, ReviewReason.RefusedByClustering));
            if ((e & 0xFFFF) == 0)
                progress?.Report(new DedupeProgress("Clustering", e, edges.Count));
        }

        progress?.Report(new DedupeProgress("Clustering", edges.Count, edges.Count));
        var clusterOf = clusterer.Labels(out clusterCount);
        review = ReviewQueue(prepared, candidates, clusterOf, _options.ReviewBudget, out deferred);
        return clusterOf;
    }

    /// <summary>Score of a pair, negative infinity when it is a cannot-link.</summary>
    private static double PairScore(MatchModel model, PreparedRecord a, PreparedRecord b)
    {
        var comparison = Comparer.Compare(a, b);
        return CannotLink.Applies(a, b, comparison) ? double.NegativeInfinity : model.Score(a, b, comparison);
    }

    /// <summary>
    /// One pair per two clusters a person should decide about, the strongest: a reviewer decides whether the
    /// groups are one person, not every pair across them; a pair whose records are already one cluster
    /// changes nothing and is not asked. At most <paramref name="budgetShare"/> pairs per record, the most valuable.
    /// </summary>
    private static List<ScoredPair> ReviewQueue(PreparedRecord[] prepared, List<Candidate> candidates, int[] clusterOf, double budgetShare, out int deferred)
    {
        var best = new Dictionary<long, Candidate>();
        foreach (var c in candidates)
        {
            var (i, j) = CandidatePairs.Unpack(c.Pair);
            int a = clusterOf[i], b = clusterOf[j];
            if (a == b)
                continue;
            var key = ((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b);
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(best, key, out var exists);
            if (!exists || c.Score > slot.Score || (c.Score == slot.Score && c.Pair < slot.Pair))
                slot = c;
        }

        // What a decision is worth: a refused merge scored as a match and would change a cluster; a near miss the
        // more, the closer it is to even odds. The budget keeps the queue finishable.
        var ordered = best.Values.ToList();
        ordered.Sort(static (x, y) =>
        {
            var c = (y.Reason == ReviewReason.RefusedByClustering).CompareTo(x.Reason == ReviewReason.RefusedByClustering);
            c = c != 0 ? c : y.Score.CompareTo(x.Score);
            return c != 0 ? c : x.Pair.CompareTo(y.Pair);
        });
        var budget = (int)Math.Min(ordered.Count, Math.Ceiling(budgetShare * prepared.Length));
        deferred = ordered.Count - budget;
        return ordered.Take(budget).Select(c =>
        {
            var (i, j) = CandidatePairs.Unpack(c.Pair);
            return new ScoredPair(prepared[i].Source.Id, prepared[j].Source.Id, c.Score, MatchModel.Probability(c.Score), c.Reason);
        }).ToList();
    }
}
