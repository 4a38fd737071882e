using Microsoft.EntityFrameworkCore;
using Panah.Core.Food.Monitoring;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Food;

public sealed record SampledHousehold(Guid HouseholdId, string Code, int Position, bool Surveyed);

/// <summary>A cycle's sample (drawn from all its collecting households) as its reader's scope sees it: the size's working and the households drawn.</summary>
public sealed record PdmSampleView(int Id, int CycleId, string CycleName, int Seed, PdmSampleSize Size, DateTimeOffset DrawnAt, IReadOnlyList<SampledHousehold> Households);

public enum DrawOutcome
{
    Drawn = 1,
    CycleNotFound = 2,
    AlreadyDrawn = 3,
}

/// <summary>Draws and reads post-distribution monitoring samples.</summary>
public sealed class PdmSamples(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, ActingStaff staff, TimeProvider clock, MonitoringOptions options)
{
    private const string SamplePurpose = "pdm sample draw";

    /// <summary>
    /// Draws the cycle's sample with <paramref name="seed"/>: the collecting households in id order, shuffled by a
    /// seeded Fisher–Yates, the first n kept (n from Cochran's formula). The same households and seed give the same sample.
    /// </summary>
    public async Task<DrawOutcome> DrawAsync(int cycleId, int seed, CancellationToken ct = default)
    {
        if (!await db.DistributionCycles.AnyAsync(c => c.Id == cycleId, ct))
        {
            return DrawOutcome.CycleNotFound;
        }
        if (await db.PdmSamples.AnyAsync(s => s.CycleId == cycleId, ct))
        {
            return DrawOutcome.AlreadyDrawn;
        }
        var collecting = await CollectingHouseholdsAsync(cycleId, ct);
        var size = PdmSampleSize.For(collecting.Count, options.Sample);
        var drawn = Draw(collecting, size.Size, seed);
        var sample = new PdmSample
        {
            CycleId = cycleId, Seed = seed, Population = collecting.Count, Size = size.Size, Z = size.Options.Z, MarginOfError = size.Options.MarginOfError,
            NonResponseInflation = size.Options.NonResponseInflation, DrawnBy = staff.Id, DrawnAt = clock.GetUtcNow(),
            Households = [.. drawn.Select((h, i) => new PdmSampleHousehold { HouseholdId = h.HouseholdId, FieldOfficeId = h.FieldOfficeId, Position = i + 1 })],
        };
        db.PdmSamples.Add(sample);
        try
        {
            await audit.SaveAsync(db, new AuditEvent("pdm.sample.draw", "cycle", cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"seed={seed} population={collecting.Count} size={size.Size}"), ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Two people drawing at once: the unique index on the cycle let one through.
            db.ChangeTracker.Clear();
            if (await db.PdmSamples.AnyAsync(s => s.CycleId == cycleId, ct))
            {
                return DrawOutcome.AlreadyDrawn;
            }
            throw;
        }
        return DrawOutcome.Drawn;
    }

    /// <summary>
    /// Households with at least one redemption in the cycle, in id order (compared in .NET, the same on every
    /// database), from every office whatever the drawer's scope: the sample stands for the cycle, not for the
    /// offices of whoever drew it. What a reader then sees of it stays in their scope (<see cref="FindAsync"/>).
    /// </summary>
    private async Task<List<(Guid HouseholdId, int FieldOfficeId)>> CollectingHouseholdsAsync(int cycleId, CancellationToken ct)
    {
        var entitlements = await unscoped.AllAsync<Entitlement>(SamplePurpose, ct);
        var rows = await (await unscoped.AllAsync<Redemption>(SamplePurpose, ct)).AsNoTracking()
            .Where(r => entitlements.Any(e => e.Id == r.EntitlementId && e.CycleId == cycleId))
            .Select(r => new { r.HouseholdId, r.FieldOfficeId })
            .Distinct()
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.HouseholdId, r.FieldOfficeId)).DistinctBy(r => r.HouseholdId).OrderBy(r => r.HouseholdId)];
    }

    /// <summary>The first <paramref name="n"/> of a seeded Fisher–Yates shuffle of <paramref name="population"/>.</summary>
    public static List<T> Draw<T>(IReadOnlyList<T> population, int n, int seed)
    {
        var items = population.ToArray();
        var random = new Random(seed);
        for (var i = 0; i < Math.Min(n, items.Length); i++)
        {
            var j = random.Next(i, items.Length);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return [.. items.Take(n)];
    }

    public async Task<PdmSampleView?> FindAsync(int cycleId, CancellationToken ct = default)
    {
        var sample = await db.PdmSamples.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == cycleId, ct);
        var cycle = await db.DistributionCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (sample is null || cycle is null)
        {
            return null;
        }
        var households = await (
            from s in db.PdmSampleHouseholds
            where s.SampleId == sample.Id
            join h in db.Households on s.HouseholdId equals h.Id
            orderby s.Position
            select new SampledHousehold(s.HouseholdId, h.Code, s.Position, db.PdmSurveys.Any(v => v.SampleId == sample.Id && v.HouseholdId == s.HouseholdId)))
            .ToListAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("pdm.sample.read", "cycle", cycleId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"households={households.Count}"), ct);
        return new PdmSampleView(sample.Id, cycleId, cycle, sample.Seed, PdmSampleSize.For(sample.Population, new PdmSampleOptions(sample.Z, sample.MarginOfError, 0.5, sample.NonResponseInflation)), sample.DrawnAt, households);
    }
}
