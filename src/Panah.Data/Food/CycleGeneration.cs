using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Food;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>What a generation made.</summary>
public sealed record GenerationResult(int Households, int People);

/// <summary>Where a generation stands: the stage (<c>households</c>, <c>entitlements</c>, <c>items</c>) and how many of its rows are written.</summary>
public sealed record GenerationProgress(string Stage, long Done, long Total);

/// <summary>
/// Generating and approving a cycle's entitlements, set-based so that 50,000 households take seconds: the eligible
/// households and their member counts are read in one grouped query, the entitlements and their items written by
/// <see cref="BulkInsert"/> (binary COPY on PostgreSQL) in the generation's one transaction, and approval is one
/// UPDATE. The registry is read past the access filter (the cycle serves every office), once per action and audited.
/// </summary>
public sealed class CycleGeneration(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, IActor actor, TimeProvider clock)
{
    internal const string Purpose = "food cycle entitlements";

    /// <summary>Generation or approval by a system account (the demo, the benchmark), audited under <paramref name="actorId"/>.</summary>
    public static CycleGeneration ActingAs(IServiceProvider services, string actorId)
    {
        var actor = new FixedActor(actorId, "system");
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(services, actor);
        var db = services.GetRequiredService<PanahDbContext>();
        return new CycleGeneration(db, new UnscopedReads(db, audit), audit, actor, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>Rows written between two progress reports: often enough for a progress bar, few enough not to slow the writing.</summary>
    private const int Chunk = 5_000;

    public Task<GenerationResult> GenerateAsync(int cycleId, long version, CancellationToken ct = default) => GenerateAsync(cycleId, version, null, ct);

    public async Task<GenerationResult> GenerateAsync(int cycleId, long version, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().Include(c => c.Basket!).ThenInclude(b => b.Items).ThenInclude(i => i.Commodity)
            .FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (cycle.Version != version)
        {
            throw new FieldException("", "Cycle.Changed");
        }
        if (cycle.Status is not (CycleStatus.Draft or CycleStatus.Generated))
        {
            throw new FieldException("", "Cycle.NotDraft");
        }
        var basket = cycle.Basket!;
        if (basket.Items.Count == 0)
        {
            throw new FieldException("", "Cycle.EmptyBasket");
        }
        var rule = EligibilityRule.FromJson(cycle.Eligibility);
        var offices = await CycleEligibility.OfficeIdsAsync(db, rule, ct);
        var lines = EntitlementPacks.Lines(basket);
        var now = clock.GetUtcNow();

        progress?.Report(new GenerationProgress("households", 0, 0));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A household whose entitlement a manager cancelled keeps that decision when the cycle is generated again.
        var cancelled = (await db.Entitlements.IgnoreQueryFilters([AccessScope.FilterName]).AsNoTracking()
            .Where(e => e.CycleId == cycleId && e.Status != EntitlementStatus.Draft).Select(e => e.HouseholdId).ToListAsync(ct)).ToHashSet();
        var households = (await CycleEligibility.Select(await unscoped.AllAsync<HouseholdRecord>(Purpose, ct), rule, offices).ToListAsync(ct))
            .Where(h => !cancelled.Contains(h.Id)).ToList();
        await DeleteDraftsAsync(cycleId, ct);
        // Every household of one size is due the same packs: worked out once per size, not once per household.
        var due = households.Select(h => h.Members).Distinct()
            .ToDictionary(m => m, m => EntitlementPacks.For(basket.Kind, lines, m, cycle).Where(p => p.Packs > 0).ToArray());
        var entitlements = households.Select(h => new Entitlement
        {
            Id = Guid.CreateVersion7(now),
            CycleId = cycleId,
            HouseholdId = h.Id,
            FieldOfficeId = h.FieldOfficeId,
            Members = h.Members,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await InChunksAsync(entitlements, "entitlements", progress, chunk => BulkInsert.RunAsync(db, chunk, ct));
        await InChunksAsync(entitlements, "items", progress, chunk => BulkInsert.RunAsync(db,
            chunk.SelectMany(e => due[e.Members].Select(p => new EntitlementItem { EntitlementId = e.Id, CommodityId = p.CommodityId, Packs = p.Packs })), ct));
        var by = Person;
        var changed = await db.DistributionCycles.Where(c => c.Id == cycleId && c.Version == version).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CycleStatus.Generated)
            .SetProperty(c => c.GeneratedBy, by)
            .SetProperty(c => c.GeneratedAt, now)
            .SetProperty(c => c.ApprovedBy, (string?)null)
            .SetProperty(c => c.ApprovedAt, (DateTimeOffset?)null)
            .SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (changed == 0)
        {
            throw new FieldException("", "Cycle.Changed");
        }
        var people = households.Sum(h => h.Members);
        await audit.SaveAsync(db, new AuditEvent("food.cycle.generate", "cycle", cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"households={households.Count} people={people}"), ct);
        await tx.CommitAsync(ct);
        return new GenerationResult(households.Count, people);
    }

    /// <summary>Writes the entitlements (or their items) a chunk at a time, reporting how many households are done after each.</summary>
    private static async Task InChunksAsync(List<Entitlement> entitlements, string stage, IProgress<GenerationProgress>? progress, Func<IEnumerable<Entitlement>, Task> write)
    {
        progress?.Report(new GenerationProgress(stage, 0, entitlements.Count));
        for (var done = 0; done < entitlements.Count; done += Chunk)
        {
            await write(entitlements.Skip(done).Take(Chunk));
            progress?.Report(new GenerationProgress(stage, Math.Min(done + Chunk, entitlements.Count), entitlements.Count));
        }
    }

    /// <summary>
    /// Who generates or approves: the staff member (the same person through a session or any of their tokens), or the
    /// actor of system work (the CLI, the demo). Comparing actor ids would let one person approve with a token what they
    /// generated in a session.
    /// </summary>
    public string Person => ActingStaff.Of(db.Scope, actor);

    /// <summary>
    /// Approves every draft entitlement of a generated cycle in one UPDATE. The approver is a second person: the one
    /// who generated the entitlements may not approve them. <paramref name="version"/> is the cycle the approver saw
    /// the totals of; a regeneration since then is refused.
    /// </summary>
    public async Task<int> ApproveAsync(int cycleId, long version, CancellationToken ct = default)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (cycle.Status != CycleStatus.Generated)
        {
            throw new FieldException("", "Cycle.NotGenerated");
        }
        if (cycle.Version != version)
        {
            throw new FieldException("", "Cycle.Changed");
        }
        if (string.Equals(cycle.GeneratedBy, Person, StringComparison.Ordinal))
        {
            throw new FieldException("", "Cycle.ApproverIsGenerator");
        }
        var now = clock.GetUtcNow();
        var by = Person;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var approved = await (await unscoped.AllAsync<Entitlement>(Purpose, ct))
            .Where(e => e.CycleId == cycleId && e.Status == EntitlementStatus.Draft)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EntitlementStatus.Approved)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), ct);
        var changed = await db.DistributionCycles.Where(c => c.Id == cycleId && c.Version == version && c.Status == CycleStatus.Generated).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CycleStatus.Approved)
            .SetProperty(c => c.ApprovedBy, by)
            .SetProperty(c => c.ApprovedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (changed == 0)
        {
            throw new FieldException("", "Cycle.Changed");
        }
        await audit.SaveAsync(db, new AuditEvent("food.cycle.approve", "cycle", cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"entitlements={approved}"), ct);
        await tx.CommitAsync(ct);
        return approved;
    }

    /// <summary>The cycle's draft entitlements and their items (regeneration replaces them; approved ones are never touched).</summary>
    internal async Task DeleteDraftsAsync(int cycleId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM "EntitlementItems" WHERE "EntitlementId" IN (SELECT "Id" FROM "Entitlements" WHERE "CycleId" = {cycleId} AND "Status" = {(int)EntitlementStatus.Draft})
            """, ct);
        await (await unscoped.AllAsync<Entitlement>(Purpose, ct)).Where(e => e.CycleId == cycleId && e.Status == EntitlementStatus.Draft).ExecuteDeleteAsync(ct);
    }
}
