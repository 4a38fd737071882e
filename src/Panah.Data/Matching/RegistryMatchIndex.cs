using Panah.Core.Registry;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>A registered person who may be the one being registered, with why.</summary>
public sealed record LikelyMatch(Guid PersonId, double Probability, double Score, PairExplanation Explanation);

/// <summary>
/// The in-memory match index of the whole registry, for the check while registering. Match keys are
/// personal data, so the index is never written anywhere: it is rebuilt from the encrypted store at
/// start-up and kept current as people are registered, edited and merged.
/// </summary>
public sealed class RegistryMatchIndex
{
    /// <summary>Below this many records the model is not estimated from the data but taken as set.</summary>
    public const int MinimumForTraining = 5000;

    private volatile OnlineIndex? index;
    private readonly Lock gate = new();
    private readonly List<Action<OnlineIndex>> pending = [];

    public bool IsReady => index is not null;

    public int Count => index?.Count ?? 0;

    public MatchModel Model => index?.Model ?? MatchModel.Default;

    /// <summary>The batch run (<see cref="DuplicateRun"/>) whose model the index scores with; null when it trained its own at start-up.</summary>
    public Guid? ModelRun { get; private set; }

    /// <summary>Builds the index from <paramref name="records"/>; changes made meanwhile are applied after.</summary>
    public void Build(IReadOnlyList<PersonRecord> records, CancellationToken ct = default) => Build(records, null, null, ct);

    /// <summary>
    /// Builds the index from <paramref name="records"/> with the model of the batch run <paramref name="modelRun"/>, or,
    /// with none, one trained on the records (the hand-set one below <see cref="MinimumForTraining"/>).
    /// </summary>
    public void Build(IReadOnlyList<PersonRecord> records, MatchModel? model, Guid? modelRun, CancellationToken ct = default)
    {
        model ??= records.Count >= MinimumForTraining ? MatchModelTrainer.Train(records, cancellationToken: ct) : MatchModel.Default;
        var built = OnlineIndex.Build(records, model);
        lock (gate)
        {
            foreach (var change in pending)
            {
                change(built);
            }
            pending.Clear();
            index = built;
            ModelRun = modelRun;
        }
    }

    /// <summary>
    /// Scores with the model of the batch run <paramref name="modelRun"/> from now on (a model without value frequencies
    /// gets them counted over the indexed registry). Before the index is built this does nothing: the build reads the last
    /// batch run's model itself.
    /// </summary>
    public void UseModel(MatchModel model, Guid? modelRun)
    {
        lock (gate)
        {
            if (index is { } i)
            {
                i.UseModel(model);
                ModelRun = modelRun;
            }
        }
    }

    /// <summary>Replaces each person's matcher records with <paramref name="records"/> (as read from the store now).</summary>
    public void Refresh(IReadOnlyList<PersonRecord> records)
    {
        var byPerson = records.GroupBy(r => MatchRecords.PersonOf(r.Id)).ToList();
        Apply(i =>
        {
            foreach (var person in byPerson)
            {
                RemoveAll(i, person.Key);
                foreach (var r in person)
                {
                    i.AddOrUpdate(r);
                }
            }
        });
    }

    /// <summary>The incremental run: <paramref name="changed"/> (in the index as they are now) against everyone indexed, one pair per two people.</summary>
    public IncrementalResult Compare(IReadOnlyList<PersonRecord> changed, IProgress<DedupeProgress>? progress = null, CancellationToken ct = default) =>
        IncrementalDedupe.Run(index ?? throw new InvalidOperationException("The match index is not built yet."), changed, static id => id[..32], progress: progress, cancellationToken: ct);

    /// <summary>Indexes the person as registered now; the household makes another member of it a cannot-link.</summary>
    public void Upsert(Guid personId, PersonDetails details, string? address, Guid householdId)
    {
        var records = MatchRecords.For(personId, details, address, householdId).ToList();
        Apply(i =>
        {
            RemoveAll(i, personId);
            foreach (var r in records)
            {
                i.AddOrUpdate(r);
            }
        });
    }

    public void Remove(Guid personId) => Apply(i => RemoveAll(i, personId));

    /// <summary>The people most likely to be <paramref name="probe"/>, best first, one entry per person.</summary>
    public IReadOnlyList<LikelyMatch> Query(PersonDetails probe, string? address, int top = 5, double minimumProbability = 0.2)
    {
        var current = index;
        if (current is null)
        {
            return [];
        }
        var best = new Dictionary<Guid, LikelyMatch>();
        foreach (var record in MatchRecords.For(Guid.Empty, probe, address))
        {
            foreach (var c in current.Query(record, top * 3, minimumProbability))
            {
                var person = MatchRecords.PersonOf(c.Id);
                if (!best.TryGetValue(person, out var seen) || seen.Score < c.Score)
                {
                    best[person] = new LikelyMatch(person, c.Probability, c.Score, c.Explanation);
                }
            }
        }
        return best.Values.OrderByDescending(m => m.Score).Take(top).ToList();
    }

    private void Apply(Action<OnlineIndex> change)
    {
        lock (gate)
        {
            if (index is { } i)
            {
                change(i);
            }
            else
            {
                pending.Add(change);
            }
        }
    }

    private static void RemoveAll(OnlineIndex i, Guid personId)
    {
        for (var n = 0; i.Remove($"{personId:N}.{n}"); n++)
        {
        }
    }
}
