namespace Panah.Matching;

/// <summary>Settings of a deduplication run; the defaults suit a registry of up to a few million people.</summary>
public sealed record DedupeOptions
{
    /// <summary>Blocks with more records than this are compared by sorted neighbourhood instead of all-to-all.</summary>
    public int MaxBlockSize { get; init; } = 300;

    /// <summary>Neighbours each record of an oversized block is compared with.</summary>
    public int LargeBlockWindow { get; init; } = 30;

    /// <summary>Score in bits at or above which a pair is a match (0 = probability 0.5).</summary>
    public double MatchThreshold { get; init; }

    /// <summary>Pairs scoring between this and <see cref="MatchThreshold"/> go to the review queue.</summary>
    public double ReviewThreshold { get; init; } = -5;

    /// <summary>No two records of one cluster may score below this (bits): a group held together only through its
    /// middle records is a chain, not one person. Such merges go to the review queue.</summary>
    public double ClusterFloor { get; init; } = -10;

    /// <summary>Review pairs per record at most (0.03: 30,000 pairs for 1,000,000 records), so that the queue is one
    /// people can finish. Refused merges come first, then near misses by probability; the rest are not asked.</summary>
    public double ReviewBudget { get; init; } = 0.03;

    /// <summary>Most EM iterations.</summary>
    public int MaxEmIterations { get; init; } = 200;

    /// <summary>Largest cluster the clustering will build; bigger merges go to the review queue.</summary>
    public int MaxClusterSize { get; init; } = 100;

    /// <summary>Random record pairs compared to estimate u (the chance of each level among non-matches).</summary>
    public int RandomPairs { get; init; } = 1_000_000;

    /// <summary>Pairs per training block (same birth date; same names) used by EM to estimate m.</summary>
    public int TrainingPairs { get; init; } = 500_000;

    /// <summary>Seed of the random pair sample, so runs are repeatable.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Worker threads.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Defaults.</summary>
    public static DedupeOptions Default { get; } = new();
}
