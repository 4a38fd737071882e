
namespace Panah.Matching.Tests;

public sealed class ReviewQueueTests
{
    [Fact]
    public void The_queue_asks_one_pair_per_two_clusters_and_nothing_already_decided()
    {
        var (records, _) = TestPeople.Registry(400, 11);
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 50_000, ReviewThreshold = -15 }).Run(records);
        var cluster = records.Select((r, i) => (r.Id, result.ClusterOf[i])).ToDictionary(x => x.Id, x => x.Item2);
        Assert.NotEmpty(result.ReviewQueue);
        Assert.All(result.ReviewQueue, p => Assert.NotEqual(cluster[p.IdA], cluster[p.IdB]));
        var clusterPairs = result.ReviewQueue.Select(p => (Math.Min(cluster[p.IdA], cluster[p.IdB]), Math.Max(cluster[p.IdA], cluster[p.IdB]))).ToList();
        Assert.Equal(clusterPairs.Count, clusterPairs.Distinct().Count());
    }

    [Fact]
    public void The_queue_keeps_to_its_budget_most_valuable_first()
    {
        var (records, _) = TestPeople.Registry(400, 11);
        var all = new Deduplicator(new DedupeOptions { RandomPairs = 50_000, ReviewThreshold = -15, ReviewBudget = 1 }).Run(records);
        // Two pairs for the whole registry (the small test registry has few near misses).
        var budget = new Deduplicator(new DedupeOptions { RandomPairs = 50_000, ReviewThreshold = -15, ReviewBudget = 1.5 / records.Count }).Run(records);
        const int allowed = 2;
        Assert.True(all.ReviewQueue.Count > allowed, $"{all.ReviewQueue.Count} pairs without a budget");
        Assert.Equal(allowed, budget.ReviewQueue.Count);
        Assert.Equal(all.ReviewQueue.Count - allowed, budget.ReviewDeferred);
        Assert.Equal(all.ReviewQueue.Take(allowed), budget.ReviewQueue);
        // Refused merges first, then near misses from the most to the least likely.
        var refused = all.ReviewQueue.TakeWhile(p => p.Reason == ReviewReason.RefusedByClustering).Count();
        Assert.All(all.ReviewQueue.Skip(refused), p => Assert.Equal(ReviewReason.Uncertain, p.Reason));
        var near = all.ReviewQueue.Skip(refused).Select(p => p.Score).ToList();
        Assert.Equal(near.OrderByDescending(s => s), near);
    }
}
