using System.Runtime.InteropServices;

namespace Panah.Matching;

/// <summary>A record of the index that may be the same person as the probe.</summary>
/// <param name="Id">Id of the indexed record.</param>
/// <param name="Score">Match weight in bits.</param>
/// <param name="Probability">Match probability.</param>
/// <param name="Explanation">Per-field contributions.</param>
public sealed record MatchCandidate(string Id, double Score, double Probability, PairExplanation Explanation);

/// <summary>
/// An in-memory index of the registry for checking one person at a time ("is this person already
/// registered?"). Records are normalised once on insert and filed under the same blocking keys the batch
/// deduplication uses. Reads run in parallel; writes take a short exclusive lock.
/// </summary>
public sealed class OnlineIndex
{
    private const int Rules = BlockingKeys.RuleCount;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _head = [];
    private readonly Stack<int> _free = new();
    private readonly StringPool _pool = new();
    private readonly int _maxCandidatesPerKey;
    private PreparedRecord?[] _records = new PreparedRecord?[1024];
    private ulong[] _keys = new ulong[1024 * Rules];
    private int[] _next = new int[1024 * Rules];
    private int _used;
    private MatchModel _model;

    /// <summary>Creates an empty index scoring with <paramref name="model"/>.</summary>
    /// <param name="model">The model, e.g. <see cref="DedupeResult.Model"/> or <see cref="MatchModelTrainer.Train"/>.</param>
    /// <param name="maxCandidatesPerKey">Guard against huge blocks: at most this many records are read per blocking key.</param>
    public OnlineIndex(MatchModel model, int maxCandidatesPerKey = 2000)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _maxCandidatesPerKey = maxCandidatesPerKey;
    }

    /// <summary>The scoring model (see <see cref="UseModel"/>).</summary>
    public MatchModel Model => Volatile.Read(ref _model);

    /// <summary>Number of records indexed.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slotById.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Builds an index of <paramref name="records"/>, normalising them in parallel (start-up path). A model loaded
    /// without its value frequencies (<see cref="MatchModel.NeedsFrequencies"/>) gets them counted over these records,
    /// as the batch run that trained it counted them over the registry; <see cref="Model"/> is then that model.
    /// </summary>
    public static OnlineIndex Build(IReadOnlyList<PersonRecord> records, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(model);
        var prepared = new PreparedRecord[records.Count];
        var index = new OnlineIndex(model);
        Parallel.For(0, records.Count, i => prepared[i] = new PreparedRecord(records[i], index._pool));
        if (model.NeedsFrequencies)
            model = model.WithFrequencies(TermFrequencies.Count(prepared));
        var frequencies = model.Frequencies;
        Parallel.For(0, prepared.Length, i => frequencies.Annotate(prepared[i]));
        index._model = model;
        index._lock.EnterWriteLock();
        try
        {
            Span<ulong> keys = stackalloc ulong[Rules];
            foreach (var r in prepared)
                index.Insert(r, keys);
        }
        finally
        {
            index._lock.ExitWriteLock();
        }

        return index;
    }

    /// <summary>
    /// Scores with <paramref name="model"/> from now on, e.g. the one a new batch run trained. Blocking keys do not
    /// depend on the model, so the records stay where they are; only their value frequencies are annotated again (a model
    /// without frequencies, <see cref="MatchModel.NeedsFrequencies"/>, gets them counted over the indexed records).
    /// Queries wait for the short exclusive lock this takes, and never see half of each model.
    /// </summary>
    public void UseModel(MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _lock.EnterWriteLock();
        try
        {
            var live = _slotById.Values.Select(slot => _records[slot]!).ToList();
            if (model.NeedsFrequencies)
                model = model.WithFrequencies(TermFrequencies.Count(live));
            var frequencies = model.Frequencies;
            Parallel.For(0, live.Count, i => frequencies.Annotate(live[i]));
            _model = model;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds a record, or replaces the record with the same id.</summary>
    public void AddOrUpdate(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prepared = new PreparedRecord(record, _pool);
        Span<ulong> keys = stackalloc ulong[Rules];
        _lock.EnterWriteLock();
        try
        {
            _model.Frequencies.Annotate(prepared);
            Insert(prepared, keys);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the record with this id; false if there is none.</summary>
    public bool Remove(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.Remove(id, out var slot))
                return false;
            Unlink(slot);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The indexed records most likely to be the same person as <paramref name="probe"/>, best first, with
    /// their explanations. A record with the probe's own id is skipped, and so is one that a cannot-link
    /// (<see cref="CannotLink"/>) proves to be someone else, however well the names agree.
    /// </summary>
    public IReadOnlyList<MatchCandidate> Query(PersonRecord probe, int top = 10, double minimumProbability = 0.01)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var p = new PreparedRecord(probe);
        Span<ulong> keys = stackalloc ulong[Rules];
        BlockingKeys.Compute(p, keys);
        var minimumScore = Math.Log2(minimumProbability / (1 - minimumProbability));
        var best = new List<(double Score, PreparedRecord Record)>();
        var seen = new HashSet<int>();
        MatchModel model;
        _lock.EnterReadLock();
        try
        {
            // The model and the records' frequencies change together under the write lock (UseModel).
            model = _model;
            model.Frequencies.Annotate(p);
            for (var rule = 0; rule < Rules; rule++)
            {
                if (keys[rule] == 0 || !_head.TryGetValue(keys[rule], out var e))
                    continue;
                for (var read = 0; e >= 0 && read < _maxCandidatesPerKey; e = _next[e], read++)
                {
                    var slot = e / Rules;
                    if (!seen.Add(slot))
                        continue;
                    var candidate = _records[slot]!;
                    if (candidate.Source.Id == probe.Id)
                        continue;
                    // The same cannot-link rules as the batch clustering: a different valid document of one kind,
                    // contradicting dates or sex, another member of the probe's household is another person.
                    var comparison = Comparer.Compare(p, candidate);
                    if (CannotLink.Applies(p, candidate, comparison))
                        continue;
                    var score = model.Score(p, candidate, comparison);
                    if (score >= minimumScore)
                        best.Add((score, candidate));
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        best.Sort((x, y) => y.Score.CompareTo(x.Score));
        var result = new List<MatchCandidate>(Math.Min(top, best.Count));
        foreach (var (score, candidate) in best.Take(top))
            result.Add(new MatchCandidate(candidate.Source.Id, score, MatchModel.Probability(score), model.Explain(p, candidate)));
        return result;
    }

    private void Insert(PreparedRecord record, Span<ulong> keys)
    {
        if (_slotById.Remove(record.Source.Id, out var old))
            Unlink(old);
        var slot = _free.Count > 0 ? _free.Pop() : _used++;
        if (slot >= _records.Length)
        {
            Array.Resize(ref _records, _records.Length * 2);
            Array.Resize(ref _keys, _records.Length * Rules);
            Array.Resize(ref _next, _records.Length * Rules);
        }

        _records[slot] = record;
        _slotById[record.Source.Id] = slot;
        BlockingKeys.Compute(record, keys);
        for (var rule = 0; rule < Rules; rule++)
        {
            var e = slot * Rules + rule;
            _keys[e] = keys[rule];
            if (keys[rule] == 0)
                continue;
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_head, keys[rule], out var exists);
            _next[e] = exists ? head : -1;
            head = e;
        }
    }

    private void Unlink(int slot)
    {
        for (var rule = 0; rule < Rules; rule++)
        {
            var e = slot * Rules + rule;
            var key = _keys[e];
            if (key == 0 || !_head.TryGetValue(key, out var head))
                continue;
            if (head == e)
            {
                if (_next[e] < 0)
                    _head.Remove(key);
                else
                    _head[key] = _next[e];
                continue;
            }

            for (var prev = head; _next[prev] >= 0; prev = _next[prev])
            {
                if (_next[prev] == e)
                {
                    _next[prev] = _next[e];
                    break;
                }
            }
        }

        _records[slot] = null;
        _free.Push(slot);
    }
}
