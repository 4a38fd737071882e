using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>An adjustment waiting for a manager, as the cycle page lists it (ids and counts only).</summary>
public sealed record AdjustmentView(Guid Id, Guid EntitlementId, string HouseholdCode, int OldMembers, int NewMembers, AdjustmentStatus Status, IReadOnlyList<(int CommodityId, int Packs)> Items);

/// <summary>
/// After approval: cancelling one entitlement (a manager, with a reason), expiring what a cycle's end left
/// uncollected, and adjustments. An approved entitlement never changes when its household does; checking a cycle for
/// changes compares each approved entitlement's members with the household's members now, and proposes an adjustment
/// a manager accepts or rejects. The check runs on demand (a button on the cycle page), not as a hook in the registry,
/// so registering a member never writes food rows and a manager decides when a cycle is reviewed.
/// </summary>
public sealed class EntitlementLifecycle(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, IActor actor, TimeProvider clock)
{
    public const int MaxReasonLength = 200;
    public const string CycleEndedReason = "cycle ended";

    public async Task CancelAsync(Guid entitlementId, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            throw new FieldException("", "Entitlement.ReasonRequired");
        }
        if (!PlainText.IsAllowed(reason))
        {
            throw new FieldException("", "Text.HiddenCharacters");
        }
        var e = await db.Entitlements.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == entitlementId, ct) ?? throw new KeyNotFoundException();
        if (e.Status is not (EntitlementStatus.Draft or EntitlementStatus.Approved) || e.Items.Any(i => i.CollectedPacks > 0))
        {
            throw new FieldException("", "Entitlement.NotCancellable");
        }
        e.Status = EntitlementStatus.Cancelled;
        e.StatusReason = reason.Trim();
        e.UpdatedAt = clock.GetUtcNow();
        e.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("food.entitlement.cancel", "entitlement", e.Id.ToString()), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A clerk recorded a collection since it was read (a collection bumps the version): nothing is cancelled.
            throw new FieldException("", "Entitlement.NotCancellable");
        }
    }

    /// <summary>Approved entitlements of cycles that ended before <paramref name="today"/> become expired (the daily job runs this).</summary>
    public async Task<int> ExpireEndedAsync(DateOnly today, CancellationToken ct = default)
    {
        var ended = await db.DistributionCycles.AsNoTracking().Where(c => c.EndsOn < today && c.Status == CycleStatus.Approved).Select(c => c.Id).ToListAsync(ct);
        return ended.Count == 0 ? 0 : await ExpireAsync(ended, ct);
    }

    /// <summary>Closes an approved cycle: whatever is still due on it expires.</summary>
    public async Task<int> CloseAsync(int cycleId, CancellationToken ct = default)
    {
        var changed = await db.DistributionCycles.Where(c => c.Id == cycleId && c.Status == CycleStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CycleStatus.Closed).SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (changed == 0)
        {
            throw await db.DistributionCycles.AnyAsync(c => c.Id == cycleId, ct) ? new FieldException("", "Cycle.NotApproved") : (Exception)new KeyNotFoundException();
        }
        return await ExpireAsync([cycleId], ct);
    }

    private async Task<int> ExpireAsync(List<int> cycles, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = await (await unscoped.AllAsync<Entitlement>("food entitlement expiry", ct))
            .Where(e => cycles.Contains(e.CycleId) && (e.Status == EntitlementStatus.Approved || e.Status == EntitlementStatus.Draft))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EntitlementStatus.Expired)
                .SetProperty(e => e.StatusReason, CycleEndedReason)
                .SetProperty(e => e.UpdatedAt, now)
                .SetProperty(e => e.Version, e => e.Version + 1), ct);
        await audit.SaveAsync(db, new AuditEvent("food.entitlement.expire", "cycle", string.Join(',', cycles), $"entitlements={expired}"), ct);
        return expired;
    }

    /// <summary>Proposes an adjustment for each approved entitlement of the cycle whose household's members changed since; returns how many.</summary>
    public async Task<int> CheckForChangesAsync(int cycleId, CancellationToken ct = default)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().Include(c => c.Basket!).ThenInclude(b => b.Items).ThenInclude(i => i.Commodity)
            .FirstOrDefaultAsync(c => c.Id == cycleId, ct) ?? throw new KeyNotFoundException();
        if (cycle.Status != CycleStatus.Approved)
        {
            throw new FieldException("", "Cycle.NotApproved");
        }
        var changed = await (await unscoped.AllAsync<Entitlement>("food cycle changes", ct)).AsNoTracking()
            .Where(e => e.CycleId == cycleId && e.Status == EntitlementStatus.Approved)
            .Where(e => !db.EntitlementAdjustments.Any(a => a.EntitlementId == e.Id && a.Status == AdjustmentStatus.Proposed))
            .Select(e => new
            {
                e.Id,
                e.HouseholdId,
                e.FieldOfficeId,
                e.Members,
                Now = db.People.Count(p => p.HouseholdId == e.HouseholdId && p.MergedIntoId == null && p.Key!.Wrapped != null),
            })
            .Where(x => x.Now != x.Members)
            .ToListAsync(ct);
        var lines = EntitlementPacks.Lines(cycle.Basket!);
        var now = clock.GetUtcNow();
        foreach (var x in changed)
        {
            db.EntitlementAdjustments.Add(new EntitlementAdjustment
            {
                Id = Guid.CreateVersion7(now),
                EntitlementId = x.Id,
                CycleId = cycleId,
                HouseholdId = x.HouseholdId,
                FieldOfficeId = x.FieldOfficeId,
                OldMembers = x.Members,
                NewMembers = x.Now,
                ProposedAt = now,
                Items = EntitlementPacks.For(cycle.Basket!.Kind, lines, x.Now, cycle).Select(p => new EntitlementAdjustmentItem { CommodityId = p.CommodityId, Packs = p.Packs }).ToList(),
            });
        }
        await audit.SaveAsync(db, new AuditEvent("food.cycle.check", "cycle", cycleId.ToString(CultureInfo.InvariantCulture), $"proposed={changed.Count}"), ct);
        return changed.Count;
    }

    /// <summary>The cycle's adjustments still to decide that this staff member's scope covers.</summary>
    public async Task<List<AdjustmentView>> ProposedAsync(int cycleId, CancellationToken ct = default)
    {
        var rows = await db.EntitlementAdjustments.AsNoTracking().Where(a => a.CycleId == cycleId && a.Status == AdjustmentStatus.Proposed)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.EntitlementId, Code = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Code).FirstOrDefault(), a.OldMembers, a.NewMembers, a.Status, a.Items })
            .ToListAsync(ct);
        return rows.Select(a => new AdjustmentView(a.Id, a.EntitlementId, a.Code ?? "", a.OldMembers, a.NewMembers, a.Status,
            a.Items.OrderBy(i => i.CommodityId).Select(i => (i.CommodityId, i.Packs)).ToList())).ToList();
    }

    /// <summary>Accepts (the entitlement takes the new members and packs, never below what was collected) or rejects a proposed adjustment.</summary>
    public async Task DecideAsync(Guid adjustmentId, bool accept, CancellationToken ct = default)
    {
        var a = await db.EntitlementAdjustments.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == adjustmentId, ct) ?? throw new KeyNotFoundException();
        if (a.Status != AdjustmentStatus.Proposed)
        {
            throw new FieldException("", "Adjustment.Decided");
        }
        var now = clock.GetUtcNow();
        if (accept)
        {
            var e = await db.Entitlements.Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == a.EntitlementId, ct) ?? throw new KeyNotFoundException();
            if (e.Status != EntitlementStatus.Approved)
            {
                throw new FieldException("", "Adjustment.EntitlementClosed");
            }
            e.Members = a.NewMembers;
            foreach (var item in a.Items)
            {
                if (e.Items.FirstOrDefault(i => i.CommodityId == item.CommodityId) is { } line)
                {
                    line.Packs = Math.Max(item.Packs, line.CollectedPacks);
                }
                else if (item.Packs > 0)
                {
                    e.Items.Add(new EntitlementItem { EntitlementId = e.Id, CommodityId = item.CommodityId, Packs = item.Packs });
                }
            }
            e.UpdatedAt = now;
            e.Version++;
        }
        a.Status = accept ? AdjustmentStatus.Accepted : AdjustmentStatus.Rejected;
        a.DecidedBy = ActingStaff.Of(db.Scope, actor);
        a.DecidedAt = now;
        a.Version++;
        await audit.SaveAsync(db, new AuditEvent(accept ? "food.adjustment.accept" : "food.adjustment.reject", "entitlement", a.EntitlementId.ToString()), ct);
    }
}
