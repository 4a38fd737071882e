using Microsoft.EntityFrameworkCore;
using Panah.Core.Food.Monitoring;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>
/// The demo's monitoring: a sample on the demo cycle (the first approved one) and surveys of a few sampled
/// households. When nobody has collected in that cycle yet, a few heads of household collect first, through the
/// same redemption service as a clerk (so entitlements, stock and the audit agree), keyed <c>demo-pdm-…</c>.
/// </summary>
public sealed class MonitoringDemo(PanahDbContext db, PdmSamples samples, PdmSurveys surveys, Redemptions redemptions) : IDemoPart
{
    public const int Seed = 20260;
    private const int DemoCollections = 40;
    private const int DemoSurveys = 12;

    public int Order => 60;
    public string Name => "monitoring sample and surveys";

    public async Task SeedAsync(CancellationToken ct)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().Where(c => c.Status == CycleStatus.Approved).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (cycle is not { } cycleId || await db.PdmSamples.AnyAsync(s => s.CycleId == cycleId, ct))
        {
            return;
        }
        if (!await db.Redemptions.AnyAsync(r => db.Entitlements.Any(e => e.Id == r.EntitlementId && e.CycleId == cycleId), ct))
        {
            await CollectAsync(cycleId, ct);
        }
        if (await samples.DrawAsync(cycleId, Seed, ct) != DrawOutcome.Drawn || await samples.FindAsync(cycleId, ct) is not { } sample)
        {
            return;
        }
        var random = new Random(Seed);
        var inputs = sample.Households.Take(DemoSurveys).Select(h => new SurveyInput(h.HouseholdId, null, Answers(random))).ToList();
        await surveys.SubmitAllAsync(cycleId, inputs, ct);
    }

    private async Task CollectAsync(int cycleId, CancellationToken ct)
    {
        var entitlements = await db.Entitlements.Where(e => e.CycleId == cycleId && e.Status == EntitlementStatus.Approved)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.HouseholdId, e.FieldOfficeId }).ToListAsync(ct);
        var points = await db.DistributionCycles.Where(c => c.Id == cycleId).SelectMany(c => c.Points)
            .Select(p => new { p.LocationId, p.Location!.FieldOfficeId }).ToListAsync(ct);
        var heads = await db.Households.AsNoTracking().Where(h => entitlements.Select(e => e.HouseholdId).Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.HeadPersonId, ct);
        var collected = 0;
        foreach (var e in entitlements)
        {
            if (collected == DemoCollections)
            {
                break;
            }
            var point = points.FirstOrDefault(p => p.FieldOfficeId == e.FieldOfficeId);
            if (point is null || heads.GetValueOrDefault(e.HouseholdId) is not { } head)
            {
                continue;
            }
            try
            {
                var outcome = await redemptions.RedeemAsync(new RedemptionRequest(e.Id, head, null, point.LocationId, null, "demo-pdm-" + e.Id.ToString("N")), ct);
                collected += outcome is RedemptionOutcome.Redeemed ? 1 : 0;
            }
            catch (StockShortageException)
            {
                // A point the demo stocked too little: the next household's point may have enough.
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Plausible synthetic answers: most households eat staples daily, some cope by borrowing.</summary>
    private static PdmAnswers Answers(Random r) => new()
    {
        FoodDays = PdmQuestions.FcsItems.ToDictionary(i => i.Code, i => (int?)(i.Group == FcsGroup.Staples ? 7 : r.Next(0, 8))),
        CopingDays = Enum.GetValues<RcsiItem>().ToDictionary(i => i, _ => (int?)r.Next(0, 4)),
        Hunger = [.. Enumerable.Range(0, HouseholdHungerScale.Questions).Select(_ => r.Next(0, 4) is var f && f == 0
            ? new HhsAnswer(false, null) : new HhsAnswer(true, (HhsFrequency)f))],
        Livelihood = LivelihoodCoping.Strategies.ToDictionary(s => s.Code, _ => (LcsAnswer?)(r.Next(0, 6) == 0 ? LcsAnswer.Yes : LcsAnswer.No)),
        Spending = PdmQuestions.SpendingItems.ToDictionary(s => s.Code, s => (decimal?)(s.Food ? r.Next(200, 900) : r.Next(0, 1500))),
        CollectedBy = r.Next(0, 4) == 0 ? Collector.AlternateCollector : Collector.Head,
        WaitingMinutes = r.Next(5, 90),
        ReceivedEverything = r.Next(0, 5) != 0,
    };
}
