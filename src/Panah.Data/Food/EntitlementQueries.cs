using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>Packs of one commodity due on an entitlement.</summary>
public sealed record EntitlementLine(string Commodity, int Packs, int CollectedPacks);

/// <summary>An entitlement as the API shows it: its household's code and active card number, never a name.</summary>
public sealed record EntitlementView(Guid Id, int CycleId, Guid HouseholdId, string HouseholdCode, string? CardNumber, EntitlementStatus Status, int Members, IReadOnlyList<EntitlementLine> Items, string? StatusReason);

/// <summary>One page of entitlements and the id to continue after, if there are more.</summary>
public sealed record EntitlementSlice(IReadOnlyList<EntitlementView> Items, Guid? Last);

/// <summary>Entitlements as the access scope lets the reader see them (a clerk: their offices' households), audited.</summary>
public sealed class EntitlementQueries(PanahDbContext db, AuditLog audit)
{
    public const int MaxPageSize = 200;

    public async Task<EntitlementSlice> ListAsync(EntitlementStatus? status, int? cycleId, Guid? after, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Entitlements.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }
        if (cycleId is { } c)
        {
            query = query.Where(e => e.CycleId == c);
        }
        if (after is { } last)
        {
            query = query.Where(e => e.Id > last);
        }
        var rows = await Project(query.OrderBy(e => e.Id).Take(pageSize + 1)).ToListAsync(ct);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        await audit.SaveAsync(db, new AuditEvent("food.entitlements.list", "entitlement", null, $"shown={rows.Count}"), ct);
        return new EntitlementSlice(rows, more ? rows[^1].Id : null);
    }

    public async Task<EntitlementView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = await Project(db.Entitlements.AsNoTracking().Where(e => e.Id == id)).FirstOrDefaultAsync(ct);
        if (row is not null)
        {
            await audit.SaveAsync(db, new AuditEvent("food.entitlement.read", "entitlement", id.ToString()), ct);
        }
        return row;
    }

    private IQueryable<EntitlementView> Project(IQueryable<Entitlement> query) =>
        query.Select(e => new EntitlementView(
            e.Id,
            e.CycleId,
            e.HouseholdId,
            db.Households.Where(h => h.Id == e.HouseholdId).Select(h => h.Code).FirstOrDefault() ?? "",
            db.FoodCards.Where(c => c.HouseholdId == e.HouseholdId && c.Status == CardStatus.Active).OrderByDescending(c => c.Sequence).Select(c => c.Number).FirstOrDefault(),
            e.Status,
            e.Members,
            e.Items.OrderBy(i => i.CommodityId).Select(i => new EntitlementLine(i.Commodity!.Code, i.Packs, i.CollectedPacks)).ToList(),
            e.StatusReason));
}
