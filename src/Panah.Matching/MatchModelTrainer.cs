namespace Panah.Matching;

/// <summary>Trains a <see cref="MatchModel"/> on unlabelled records by EM over the agreement patterns of candidate pairs.</summary>
public static class MatchModelTrainer
{
    /// <summary>Trains on <paramref name="records"/> (the whole registry, or a large sample of it).</summary>
    public static MatchModel Train(IReadOnlyList<PersonRecord> records, DedupeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= DedupeOptions.Default;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var prepared = Deduplicator.Prepare(records, parallel, null);
        var frequencies = TermFrequencies.Count(prepared);
        foreach (var r in prepared)
            frequencies.Annotate(r);
        var pairs = CandidatePairs.Generate(prepared, options, out _);
        Deduplicator.Compare(prepared, pairs, frequencies, parallel, null, out var counts);
        var u = RandomPairs.EstimateU(prepared, options.RandomPairs, options.Seed, parallel);
        var sameDate = TrainingPairs.SameBirthDate(prepared, options.TrainingPairs);
        var sameNames = TrainingPairs.SameNames(prepared, options.TrainingPairs);
        return ExpectationMaximisation.FitByBlocks(counts, sameDate, sameNames, u, frequencies, Deduplicator.AllPairs(prepared.Length), options.MaxEmIterations, out _)
            .WithThreshold(options.MatchThreshold);
    }
}
