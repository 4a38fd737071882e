using nietras.SeparatedValues;

namespace Panah.Benchmarks;

/// <summary>Scores an id,cluster CSV (from the dedupe command or the PostgreSQL baseline) against the person column of a synthetic CSV.</summary>
internal static class ScoreClusters
{
    public static int Run(string[] args)
    {
        var truthPath = Args.Get(args, "--truth", string.Empty);
        var clustersPath = Args.Get(args, "--clusters", string.Empty);
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(truthPath))
        {
            foreach (var row in reader)
                truth[row["id"].ToString()] = row["person"].ToString();
        }

        var predicted = new List<int>();
        var actual = new List<string>();
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(clustersPath))
        {
            foreach (var row in reader)
            {
                var cluster = row["cluster"].ToString();
                if (!labels.TryGetValue(cluster, out var label))
                    labels[cluster] = label = labels.Count;
                predicted.Add(label);
                actual.Add(truth[row["id"].ToString()]);
            }
        }

        Console.WriteLine($"{clustersPath}: {predicted.Count} ids of {truth.Count}; pairwise {PairwiseScore.Of(predicted, actual)}");
        return predicted.Count == truth.Count ? 0 : 1;
    }
}
