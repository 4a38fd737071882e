namespace Panah.Matching;

/// <summary>Why a pair is in the review queue.</summary>
public enum ReviewReason
{
    /// <summary>Score just below the match threshold.</summary>
    Uncertain,

    /// <summary>Scored as a match, but merging would join groups that do not match as a whole (or make a cluster too big).</summary>
    RefusedByClustering,
}

/// <summary>A scored pair of records.</summary>
public sealed record ScoredPair(string IdA, string IdB, double Score, double Probability, ReviewReason? Reason = null);

/// <summary>One stage of a deduplication run, for progress reporting.</summary>
public sealed record DedupeProgress(string Stage, long Done, long Total);

/// <summary>The outcome of a <see cref="Deduplicator"/> run.</summary>
public sealed class DedupeResult
{
    internal DedupeResult(IReadOnlyList<PersonRecord> records, int[] clusterOf, int clusterCount, MatchModel model,
        IReadOnlyList<ScoredPair> links, IReadOnlyList<ScoredPair> reviewQueue, BlockingStatistics blocking, int emIterations)
    {
        Records = records;
        ClusterOf = clusterOf;
        ClusterCount = clusterCount;
        Model = model;
        Links = links;
        ReviewQueue = reviewQueue;
        Blocking = blocking;
        EmIterations = emIterations;
    }

    /// <summary>The input records.</summary>
    public IReadOnlyList<PersonRecord> Records { get; }

    /// <summary>Cluster number of each input record (same order as the input); equal numbers = same person.</summary>
    public IReadOnlyList<int> ClusterOf { get; }

    /// <summary>Number of distinct people found.</summary>
    public int ClusterCount { get; }

    /// <summary>The model trained on the input (EM) and used for scoring; reuse it for an <see cref="OnlineIndex"/>.</summary>
    public MatchModel Model { get; }

    /// <summary>Match edges that formed the clusters, strongest first.</summary>
    public IReadOnlyList<ScoredPair> Links { get; }

    /// <summary>Pairs a person should look at, most valuable first: matches refused by clustering, then near misses
    /// by probability; one pair per two clusters.</summary>
    public IReadOnlyList<ScoredPair> ReviewQueue { get; }

    /// <summary>Pairs a person could have looked at but that fell beyond <see cref="DedupeOptions.ReviewBudget"/>
    /// (all scored below a match; they stay apart).</summary>
    public int ReviewDeferred { get; init; }

    /// <summary>Blocking figures.</summary>
    public BlockingStatistics Blocking { get; }

    /// <summary>EM iterations until convergence.</summary>
    public int EmIterations { get; }

    /// <summary>Id of the cluster's first record in input order, for each record: a stable, readable cluster label.</summary>
    public string[] ClusterLabels()
    {
        var first = new string?[ClusterCount];
        var labels = new string[Records.Count];
        for (var i = 0; i < Records.Count; i++)
            labels[i] = first[ClusterOf[i]] ??= Records[i].Id;
        return labels;
    }

    /// <summary>Clusters with more than one record, as lists of ids.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Duplicates()
    {
        var groups = new List<string>?[ClusterCount];
        for (var i = 0; i < Records.Count; i++)
            (groups[ClusterOf[i]] ??= []).Add(Records[i].Id);
        return groups.Where(g => g is { Count: > 1 }).Select(g => (IReadOnlyList<string>)g!).ToList();
    }
}
