namespace Panah.Data.Matching;

/// <summary>
/// How far this node's match index has followed the <see cref="MatchIndexChange"/> rows. Ids are handed out before
/// commit, so a lower id can become visible after a higher one (two transactions committing in the other order):
/// the cursor only moves over an id it has seen, or over a gap older than <see cref="GapTimeout"/> (a rolled-back
/// transaction burns its id for good). Rows above a gap are applied at once and remembered, never applied twice.
/// </summary>
public sealed class MatchIndexCursor
{
    private readonly Lock gate = new();
    private readonly HashSet<long> seenAbove = [];
    private readonly HashSet<long> own = [];
    private readonly Dictionary<long, DateTimeOffset> gapSince = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long through;

    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Every change with an id up to this one is in the index (or was given up as never committed).</summary>
    public long Through
    {
        get
        {
            lock (gate)
            {
                return through;
            }
        }
    }

    /// <summary>Completes once the index is built and the cursor placed.</summary>
    public Task Started => started.Task;

    /// <summary>Places the cursor where the index was built from: every change up to <paramref name="latest"/> is in it.</summary>
    public void Start(long latest)
    {
        lock (gate)
        {
            through = latest;
            seenAbove.Clear();
            gapSince.Clear();
            own.RemoveWhere(id => id <= latest);
        }
        started.TrySetResult();
    }

    /// <summary>A change this node made and applied itself.</summary>
    public void NoteOwn(long id)
    {
        lock (gate)
        {
            if (id > through)
            {
                own.Add(id);
            }
        }
    }

    /// <summary>
    /// Takes the change ids read past <see cref="Through"/> and returns those still to apply (not seen before, not
    /// this node's own), moving the cursor as far as it safely can.
    /// </summary>
    public IReadOnlyList<long> Take(IEnumerable<long> ids, DateTimeOffset now)
    {
        lock (gate)
        {
            var fresh = new List<long>();
            foreach (var id in ids)
            {
                if (id > through && seenAbove.Add(id) && !own.Remove(id))
                {
                    fresh.Add(id);
                }
            }
            var highest = seenAbove.Count == 0 ? through : seenAbove.Max();
            for (var id = through + 1; id < highest; id++)
            {
                if (!seenAbove.Contains(id))
                {
                    gapSince.TryAdd(id, now);
                }
            }
            while (seenAbove.Remove(through + 1) || (gapSince.TryGetValue(through + 1, out var since) && now - since >= GapTimeout))
            {
                through++;
                gapSince.Remove(through);
                own.Remove(through);
            }
            return fresh;
        }
    }
}
