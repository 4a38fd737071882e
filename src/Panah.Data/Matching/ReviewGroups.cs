namespace Panah.Data.Matching;

/// <summary>A pending pair as the queue's graph sees it: two people and the pair's id.</summary>
public readonly record struct PairEdge(Guid Id, Guid A, Guid B);

/// <summary>Where a pair stands in the queue's graph: its group (the pairs that share people) and whether it is a bridge.</summary>
public readonly record struct PairPlace(Guid GroupId, int GroupPeople, bool ChangesCluster);

/// <summary>
/// The pending pairs as a graph of people. A group is a connected set of pairs: the evidence they share is decided at
/// once ("these 4 are one person"). A pair changes a cluster when it is a bridge: its answer alone decides whether two
/// groups of people join (yes) or stay apart (no). A pair on a cycle is settled by the others around it, so it is worth
/// less on its own. A group is named by its smallest pair id, stable while its pairs stay pending.
/// </summary>
public static class ReviewGroups
{
    public static Dictionary<Guid, PairPlace> Place(IReadOnlyList<PairEdge> pairs)
    {
        var index = new Dictionary<Guid, int>();
        int Node(Guid person)
        {
            if (!index.TryGetValue(person, out var n))
            {
                n = index.Count;
                index[person] = n;
            }
            return n;
        }
        var ends = pairs.Select(p => (Node(p.A), Node(p.B))).ToArray();
        var adjacent = new List<(int To, int Edge)>[index.Count];
        for (var i = 0; i < adjacent.Length; i++)
        {
            adjacent[i] = [];
        }
        for (var e = 0; e < ends.Length; e++)
        {
            adjacent[ends[e].Item1].Add((ends[e].Item2, e));
            adjacent[ends[e].Item2].Add((ends[e].Item1, e));
        }
        var bridge = Bridges(adjacent, ends.Length, out var component);
        var people = new int[adjacent.Length];
        foreach (var c in component)
        {
            people[c]++;
        }
        var name = new Dictionary<int, Guid>();
        for (var e = 0; e < ends.Length; e++)
        {
            var c = component[ends[e].Item1];
            if (!name.TryGetValue(c, out var first) || pairs[e].Id.CompareTo(first) < 0)
            {
                name[c] = pairs[e].Id;
            }
        }
        var places = new Dictionary<Guid, PairPlace>(ends.Length);
        for (var e = 0; e < ends.Length; e++)
        {
            var c = component[ends[e].Item1];
            places[pairs[e].Id] = new PairPlace(name[c], people[c], bridge[e]);
        }
        return places;
    }

    /// <summary>Tarjan's bridges by low-link, iteratively (a long chain must not overflow the stack); also labels components.</summary>
    private static bool[] Bridges(List<(int To, int Edge)>[] adjacent, int edges, out int[] component)
    {
        var n = adjacent.Length;
        var bridge = new bool[edges];
        var order = new int[n];
        var low = new int[n];
        component = new int[n];
        Array.Fill(order, -1);
        var time = 0;
        var label = 0;
        var stack = new Stack<(int Node, int ViaEdge, int Next)>();
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0)
            {
                continue;
            }
            stack.Push((root, -1, 0));
            order[root] = low[root] = time++;
            component[root] = label;
            while (stack.Count > 0)
            {
                var (node, via, next) = stack.Pop();
                if (next < adjacent[node].Count)
                {
                    stack.Push((node, via, next + 1));
                    var (to, edge) = adjacent[node][next];
                    if (edge == via)
                    {
                        continue;
                    }
                    if (order[to] < 0)
                    {
                        order[to] = low[to] = time++;
                        component[to] = label;
                        stack.Push((to, edge, 0));
                    }
                    else
                    {
                        low[node] = Math.Min(low[node], order[to]);
                    }
                    continue;
                }
                if (via >= 0)
                {
                    var (parent, _, _) = stack.Peek();
                    low[parent] = Math.Min(low[parent], low[node]);
                    if (low[node] > order[parent])
                    {
                        bridge[via] = true;
                    }
                }
            }
            label++;
        }
        return bridge;
    }
}
