using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Core.Food;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>Distribution cycles: their design (dates, basket, points, eligibility), the preview of who a rule selects, and their totals.</summary>
public sealed class CycleStore(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, CycleGeneration generation)
{
    public const int MaxDays = 366;

    public Task<List<CycleSummary>> ListAsync(CancellationToken ct = default) =>
        db.DistributionCycles.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new CycleSummary(c.Id, c.Programme!.Name, c.Name, c.StartsOn, c.EndsOn, c.Status)).ToListAsync(ct);

    public async Task<CycleView?> GetAsync(int id, CancellationToken ct = default)
    {
        var c = await db.DistributionCycles.AsNoTracking().Include(x => x.Programme).Include(x => x.Basket).Include(x => x.Points)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : new CycleView(c.Id, c.ProgrammeId, c.Programme!.Name, c.Name, c.StartsOn, c.EndsOn, c.DaysCovered, c.BasketId, c.Basket!.Name,
            c.Basket.Kind, EligibilityRule.FromJson(c.Eligibility), c.MultiplierCap, c.Status, c.GeneratedBy, c.GeneratedAt, c.ApprovedBy, c.ApprovedAt,
            c.Points.Select(p => p.LocationId).Order().ToList(), c.Version);
    }

    /// <summary>What is wrong with <paramref name="input"/>, as message keys by field.</summary>
    private async Task<Dictionary<string, string>> ValidateAsync(CycleInput input, CancellationToken ct = default)
    {
        var errors = input.Eligibility.Validate().ToDictionary(e => "Eligibility." + e.Key, e => e.Value);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            errors[nameof(input.Name)] = "Cycle.NameRequired";
        }
        else if (!PlainText.IsAllowed(input.Name))
        {
            errors[nameof(input.Name)] = "Text.HiddenCharacters";
        }
        if (input.EndsOn < input.StartsOn)
        {
            errors[nameof(input.EndsOn)] = "Cycle.EndsBeforeStart";
        }
        if (input.DaysCovered is < 1 or > MaxDays)
        {
            errors[nameof(input.DaysCovered)] = "Cycle.DaysRange";
        }
        if (input.MultiplierCap is < 1)
        {
            errors[nameof(input.MultiplierCap)] = "Cycle.CapPositive";
        }
        if (!await db.FoodProgrammes.AnyAsync(p => p.Id == input.ProgrammeId && p.Active, ct))
        {
            errors[nameof(input.ProgrammeId)] = "Cycle.ProgrammeRequired";
        }
        if (!await db.Baskets.AnyAsync(b => b.Id == input.BasketId && b.Items.Count > 0, ct))
        {
            errors[nameof(input.BasketId)] = "Cycle.BasketRequired";
        }
        var points = input.PointIds.Distinct().ToList();
        if (points.Count == 0 || await db.FoodLocations.CountAsync(l => points.Contains(l.Id) && l.Kind == LocationKind.DistributionPoint && l.Active, ct) != points.Count)
        {
            errors[nameof(input.PointIds)] = "Cycle.PointsRequired";
        }
        return errors;
    }

    public async Task<int> CreateAsync(CycleInput input, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(input, ct);
        var cycle = new DistributionCycle { Name = input.Name.Trim() };
        Apply(cycle, input);
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("food.cycle.create", "cycle", Id(cycle.Id)), ct);
        return cycle.Id;
    }

    /// <summary>Changes a cycle that is not approved yet; a generated one goes back to draft and its entitlements go.</summary>
    public async Task UpdateAsync(int id, long version, CycleInput input, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(input, ct);
        var cycle = await db.DistributionCycles.Include(c => c.Points).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new KeyNotFoundException();
        if (cycle.Version != version)
        {
            throw new FieldException("", "Cycle.Changed");
        }
        if (cycle.Status is not (CycleStatus.Draft or CycleStatus.Generated))
        {
            throw new FieldException("", "Cycle.NotDraft");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (cycle.Status == CycleStatus.Generated)
        {
            await generation.DeleteDraftsAsync(id, ct);
            cycle.Status = CycleStatus.Draft;
            cycle.GeneratedBy = null;
            cycle.GeneratedAt = null;
        }
        cycle.Name = input.Name.Trim();
        Apply(cycle, input);
        cycle.Version++;
        await audit.SaveAsync(db, new AuditEvent("food.cycle.update", "cycle", Id(id)), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>How many households and people <paramref name="rule"/> selects now, before anything is generated.</summary>
    public async Task<EligibilityPreview> PreviewAsync(EligibilityRule rule, CancellationToken ct = default)
    {
        var offices = await CycleEligibility.OfficeIdsAsync(db, rule, ct);
        var selected = CycleEligibility.Select(await unscoped.AllAsync<HouseholdRecord>("food cycle preview", ct), rule, offices);
        // One small number per household: summed here, as SQL aggregates over a correlated count are not portable.
        var members = await selected.Select(h => h.Members).ToListAsync(ct);
        return new EligibilityPreview(members.Count, members.Sum());
    }

    /// <summary>Totals by commodity (packs, tonnes), households and people of a cycle's entitlements, whatever the office: aggregates only.</summary>
    public async Task<CycleTotals> TotalsAsync(int cycleId, CancellationToken ct = default)
    {
        var entitlements = (await unscoped.AllAsync<Entitlement>("food cycle totals", ct)).AsNoTracking().Where(e => e.CycleId == cycleId);
        var byStatus = await entitlements.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count(), People = g.Sum(e => e.Members) }).ToListAsync(ct);
        var counted = entitlements.Where(e => e.Status != EntitlementStatus.Cancelled);
        var packs = await counted.SelectMany(e => e.Items).GroupBy(i => i.CommodityId).Select(g => new { g.Key, Packs = g.Sum(i => (long)i.Packs) }).ToListAsync(ct);
        var ids = packs.Select(p => p.Key).ToList();
        var commodities = await db.Commodities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var lines = packs.Select(p => (Commodity: commodities[p.Key], p.Packs))
            .Select(p => new CommodityTotal(p.Commodity.Id, p.Commodity.Code, p.Commodity.Name, p.Commodity.PackLabel, p.Packs, EntitlementRules.Tonnes(p.Packs, p.Commodity.PackGrams)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var live = byStatus.Where(s => s.Key != EntitlementStatus.Cancelled).ToList();
        return new CycleTotals(live.Sum(s => s.Count), live.Sum(s => (long)s.People), lines, byStatus.ToDictionary(s => s.Key, s => s.Count));
    }

    private async Task ThrowIfInvalidAsync(CycleInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            throw new FieldException(errors.ToDictionary(e => e.Key, e => new List<string> { e.Value }));
        }
    }

    private static void Apply(DistributionCycle cycle, CycleInput input)
    {
        cycle.ProgrammeId = input.ProgrammeId;
        cycle.StartsOn = input.StartsOn;
        cycle.EndsOn = input.EndsOn;
        cycle.DaysCovered = input.DaysCovered;
        cycle.BasketId = input.BasketId;
        cycle.Eligibility = input.Eligibility.ToJson();
        cycle.MultiplierCap = input.MultiplierCap;
        var points = input.PointIds.Distinct().ToHashSet();
        cycle.Points.RemoveAll(p => !points.Contains(p.LocationId));
        cycle.Points.AddRange(points.Where(p => cycle.Points.All(x => x.LocationId != p)).Select(p => new CyclePoint { LocationId = p }));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
