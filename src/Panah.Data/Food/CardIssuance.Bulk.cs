using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;

namespace Panah.Data.Food;

public sealed partial class CardIssuance
{
    private const int Batch = 1000;

    /// <summary>
    /// A card for every household of <paramref name="officeId"/> and/or with an entitlement in <paramref name="cycleId"/>
    /// (every household in the caller's scope when both are null) that holds no active card, a thousand per
    /// transaction with one audit entry each. Returns how many.
    /// </summary>
    public async Task<int> IssueMissingAsync(int? officeId, int? cycleId, IProgress<int>? progress, CancellationToken ct)
    {
        var households = db.Households.AsNoTracking()
            .Where(h => !db.FoodCards.Any(c => c.HouseholdId == h.Id && c.Status == CardStatus.Active));
        if (officeId is { } office)
        {
            households = households.Where(h => h.FieldOfficeId == office);
        }
        if (cycleId is { } cycle)
        {
            households = households.Where(h => db.Entitlements.Any(e => e.CycleId == cycle && e.HouseholdId == h.Id));
        }
        var issued = 0;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var attempt = 1; ;)
            {
                // Households that got a card drop out of the query, so the next batch is simply the first thousand left.
                var next = await households.OrderBy(h => h.Id).Take(Batch)
                    .Select(h => new { h.Id, h.FieldOfficeId, Last = db.FoodCards.Where(c => c.HouseholdId == h.Id).Max(c => (int?)c.Sequence) ?? 0 })
                    .ToListAsync(ct);
                if (next.Count == 0)
                {
                    return issued;
                }
                db.FoodCards.AddRange(next.Select(h => NewCard(h.Id, h.FieldOfficeId, h.Last + 1)));
                var entry = new AuditEvent("food.card.issue-bulk", "food-card", null, $"office={officeId} cycle={cycleId} count={next.Count}");
                if (!await TrySaveAsync([entry], attempt, ct))
                {
                    attempt++;
                    continue;
                }
                db.ChangeTracker.Clear();
                attempt = 1;
                issued += next.Count;
                progress?.Report(issued);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
