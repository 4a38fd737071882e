using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Matching;

/// <summary>Section <c>Panah:HouseholdDuplicates</c>: what counts as a strong match between two members.</summary>
public sealed class HouseholdDuplicateOptions
{
    public const string Section = "Panah:HouseholdDuplicates";

    /// <summary>
    /// A pending pair at or above this match probability counts as the same person for proposing households
    /// (<c>StrongProbability</c>, default 0.9); a decided "same person" always counts, a pair decided "not the same" never does.
    /// </summary>
    public double StrongProbability { get; set; } = 0.9;

    /// <summary>People two households must share to be proposed as one (<c>SharedMembers</c>, default 2): one shared person is a move or a visit, not a duplicate household.</summary>
    public int SharedMembers { get; set; } = 2;

    public static HouseholdDuplicateOptions Read(IConfiguration configuration)
    {
        var options = new HouseholdDuplicateOptions();
        configuration.GetSection(Section).Bind(options);
        options.StrongProbability = Math.Clamp(options.StrongProbability, 0.5, 1.0);
        options.SharedMembers = Math.Clamp(options.SharedMembers, 2, 50);
        return options;
    }
}

/// <summary>What a household duplicate run found.</summary>
public sealed record HouseholdRunResult(int Proposed, int AlreadyKnown);

/// <summary>A proposed household duplicate with both households side by side (each read audited).</summary>
public sealed record HouseholdDuplicateView(HouseholdDuplicate Duplicate, HouseholdView Household, HouseholdView Other);

/// <summary>
/// Finds households that share <see cref="HouseholdDuplicateOptions.SharedMembers"/> or more people and keeps them as
/// proposals for a reviewer (<see cref="HouseholdMerge"/> merges them). The evidence that two members are one person is
/// a person merge not undone, or a pending pair in the person review queue at or above the strong probability.
/// </summary>
public sealed class HouseholdDuplicates(PanahDbContext db, UnscopedReads unscoped, RegistryStore registry, HouseholdDuplicateOptions options, AuditLog audit, IActor actor, TimeProvider clock)
{
    public async Task<HouseholdRunResult> RunAsync(CancellationToken ct = default)
    {
        const string purpose = "household-duplicates";
        var merges = await (await unscoped.AllAsync<PersonMergeRecord>(purpose, ct)).AsNoTracking().Where(m => m.UndoneAt == null)
            .Select(m => new { A = m.SurvivorId, B = m.MergedId, HouseholdA = m.SurvivorHouseholdId, HouseholdB = m.HouseholdId }).ToListAsync(ct);
        var strong = options.StrongProbability;
        var pending = await (await unscoped.AllAsync<DuplicateReview>(purpose, ct)).AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Pending && r.Probability >= strong).Select(r => new { A = r.PersonAId, B = r.PersonBId }).ToListAsync(ct);
        var ids = pending.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
        var homes = new Dictionary<Guid, Guid>();
        var people = await unscoped.AllAsync<PersonRecord>(purpose, ct);
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var p in await people.AsNoTracking().Where(p => chunk.Contains(p.Id) && p.MergedIntoId == null).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
            {
                homes[p.Id] = p.HouseholdId;
            }
        }
        var evidence = merges.Select(m => (m.A, m.B, m.HouseholdA, m.HouseholdB))
            .Concat(pending.Where(p => homes.ContainsKey(p.A) && homes.ContainsKey(p.B)).Select(p => (p.A, p.B, HouseholdA: homes[p.A], HouseholdB: homes[p.B])));
        // Per pair of households (earlier first), the people each side shares: the lesser side's count is how many they share.
        var shared = new Dictionary<(Guid, Guid), (HashSet<Guid> First, HashSet<Guid> Second)>();
        foreach (var (a, b, ha, hb) in evidence.Where(e => e.HouseholdA != e.HouseholdB))
        {
            var (key, first, second) = ha.CompareTo(hb) < 0 ? ((ha, hb), a, b) : ((hb, ha), b, a);
            if (!shared.TryGetValue(key, out var sides))
            {
                shared[key] = sides = ([], []);
            }
            sides.First.Add(first);
            sides.Second.Add(second);
        }
        var found = shared.Where(s => Math.Min(s.Value.First.Count, s.Value.Second.Count) >= options.SharedMembers).ToList();
        var known = (await (await unscoped.AllAsync<HouseholdDuplicate>(purpose, ct)).AsNoTracking().Select(d => new { d.HouseholdId, d.OtherHouseholdId }).ToListAsync(ct))
            .Select(d => (d.HouseholdId, d.OtherHouseholdId)).ToHashSet();
        var fresh = found.Where(f => !known.Contains(f.Key)).ToList();
        var offices = new Dictionary<Guid, int>();
        var households = await unscoped.AllAsync<HouseholdRecord>(purpose, ct);
        foreach (var chunk in fresh.Select(f => f.Key.Item1).Distinct().Chunk(1000))
        {
            foreach (var h in await households.AsNoTracking().Where(h => chunk.Contains(h.Id)).Select(h => new { h.Id, h.FieldOfficeId }).ToListAsync(ct))
            {
                offices[h.Id] = h.FieldOfficeId;
            }
        }
        var now = clock.GetUtcNow();
        foreach (var ((first, second), sides) in fresh)
        {
            db.HouseholdDuplicates.Add(new HouseholdDuplicate
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = first,
                FieldOfficeId = offices[first],
                OtherHouseholdId = second,
                Shared = Math.Min(sides.First.Count, sides.Second.Count),
                Status = ReviewStatus.Pending,
                CreatedAt = now,
                Version = 1,
            });
        }
        await audit.SaveAsync(db, new AuditEvent("households.duplicates-run", "household", null, $"proposed={fresh.Count} known={found.Count - fresh.Count}"), ct);
        return new HouseholdRunResult(fresh.Count, found.Count - fresh.Count);
    }

    /// <summary>Proposals of one status, newest first, both households visible to the reader (ids and codes only: nothing personal).</summary>
    public async Task<(List<(HouseholdDuplicate Duplicate, string Code, string OtherCode)> Items, int Total)> ListAsync(ReviewStatus status, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.HouseholdDuplicates.AsNoTracking().Where(d => d.Status == status && db.Households.Any(h => h.Id == d.OtherHouseholdId));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Id).Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.SelectMany(d => new[] { d.HouseholdId, d.OtherHouseholdId }).Distinct().ToList();
        var codes = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code, ct);
        return (rows.Where(d => codes.ContainsKey(d.HouseholdId) && codes.ContainsKey(d.OtherHouseholdId))
            .Select(d => (d, codes[d.HouseholdId], codes[d.OtherHouseholdId])).ToList(), total);
    }

    /// <summary>Both households with their members; null when either is outside the reader's scope.</summary>
    public async Task<HouseholdDuplicateView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var d = await db.HouseholdDuplicates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !await db.Households.AnyAsync(h => h.Id == d.OtherHouseholdId, ct))
        {
            return null;
        }
        var a = await registry.GetHouseholdAsync(d.HouseholdId, ct);
        var b = await registry.GetHouseholdAsync(d.OtherHouseholdId, ct);
        return a is null || b is null ? null : new HouseholdDuplicateView(d, a, b);
    }

    /// <summary>"Not one household": remembered, never proposed again.</summary>
    public async Task<HouseholdDuplicate?> NotSameAsync(Guid id, long expectedVersion, CancellationToken ct = default)
    {
        var d = await db.HouseholdDuplicates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !await db.Households.AnyAsync(h => h.Id == d.OtherHouseholdId, ct))
        {
            return null;
        }
        if (d.Version != expectedVersion || d.Status != ReviewStatus.Pending)
        {
            throw new ConcurrencyConflictException();
        }
        d.Status = ReviewStatus.NotSame;
        d.DecidedAt = clock.GetUtcNow();
        d.DecidedBy = actor.Id;
        d.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("households.not-same", "household-duplicate", id.ToString()), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return d;
    }
}
