namespace Panah.Matching;

/// <summary>
/// Average-linkage clustering over match edges with cannot-link constraints. Edges are taken strongest
/// first; two single records joined by a match edge merge; two groups merge only if the mean match
/// probability over ALL pairs across them is at least 0.5, no pair across them is a cannot-link
/// (scored as negative infinity, see <see cref="CannotLink"/>) and none scores below the floor of a clear
/// non-match. So one weak link between two families (or one mistyped record resembling two people) does
/// not chain unrelated people into one cluster, and a chain A–B–C whose ends contradict each other never
/// becomes one: the merge is refused and goes to the review queue instead.
/// </summary>
internal sealed class Clusterer
{
    private readonly int[] _parent;
    private readonly List<int>?[] _members;
    private readonly Func<int, int, double> _score;
    private readonly int _maxClusterSize;
    private readonly double _floor;

    /// <param name="count">Records.</param>
    /// <param name="score">Score of a pair in bits; negative infinity for a cannot-link pair.</param>
    /// <param name="maxClusterSize">Largest cluster built.</param>
    /// <param name="floor">No two records of one cluster score below this (bits).</param>
    public Clusterer(int count, Func<int, int, double> score, int maxClusterSize, double floor = double.NegativeInfinity)
    {
        _floor = floor;
        _parent = new int[count];
        for (var i = 0; i < count; i++)
            _parent[i] = i;
        _members = new List<int>?[count];
        _score = score;
        _maxClusterSize = maxClusterSize;
    }

    /// <summary>Tries to merge along an edge; false when the groups are already one or the merge is refused.</summary>
    public bool TryLink(int i, int j, out bool refused)
    {
        refused = false;
        var a = Find(i);
        var b = Find(j);
        if (a == b)
            return false;
        var sizeA = Size(a);
        var sizeB = Size(b);
        if (sizeA + sizeB > _maxClusterSize || (sizeA + sizeB > 2 && !Coherent(a, b)))
        {
            refused = true;
            return false;
        }

        Union(a, b);
        return true;
    }

    /// <summary>Cluster number per record, numbered in order of each cluster's first record.</summary>
    public int[] Labels(out int clusterCount)
    {
        var labels = new int[_parent.Length];
        var byRoot = new int[_parent.Length];
        Array.Fill(byRoot, -1);
        clusterCount = 0;
        for (var i = 0; i < _parent.Length; i++)
        {
            var root = Find(i);
            if (byRoot[root] < 0)
                byRoot[root] = clusterCount++;
            labels[i] = byRoot[root];
        }

        return labels;
    }

    private bool Coherent(int a, int b)
    {
        double sum = 0;
        var pairs = 0;
        foreach (var x in MembersOf(a))
        {
            foreach (var y in MembersOf(b))
            {
                var score = _score(x, y);
                if (double.IsNegativeInfinity(score) || score < _floor)
                    return false;
                sum += MatchModel.Probability(score);
                pairs++;
            }
        }

        return sum >= 0.5 * pairs;
    }

    private IEnumerable<int> MembersOf(int root) => _members[root] ?? (IEnumerable<int>)[root];

    private int Size(int root) => _members[root]?.Count ?? 1;

    private void Union(int a, int b)
    {
        if (Size(a) < Size(b))
            (a, b) = (b, a);
        var into = _members[a] ??= [a];
        into.AddRange(MembersOf(b));
        _members[b] = null;
        _parent[b] = a;
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }
}
