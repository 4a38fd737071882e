using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Core.Reporting;
using Panah.Data.Audit;

namespace Panah.Data.Exports;

/// <summary>
/// The standard aggregate table of the caller's scope (the query filters decide which people count): no approval, as
/// nothing in it names anyone and small counts are hidden, but each export is audited with its format and size.
/// </summary>
public sealed class AggregateExports(PanahDbContext db, AuditLog audit, ExportOptions options, TimeProvider clock)
{
    public const string Action = "export.aggregate";

    public async Task<PeopleAggregate> PeopleAsync(string format, CancellationToken ct = default)
    {
        var year = clock.GetUtcNow().Year;
        var offices = await db.FieldOffices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => new { o.Code, o.Name }, ct);
        var people = await db.People.AsNoTracking().Where(p => p.MergedIntoId == null && p.Key!.Wrapped != null)
            .GroupBy(p => new { p.FieldOfficeId, p.District, p.Sex, p.BirthYear }).Select(g => new { g.Key.FieldOfficeId, g.Key.District, g.Key.Sex, g.Key.BirthYear, Count = g.Count() })
            .ToListAsync(ct);
        var households = await db.Households.AsNoTracking().Where(h => h.Key!.Wrapped != null)
            .GroupBy(h => new { h.FieldOfficeId, h.District }).Select(g => new { g.Key.FieldOfficeId, g.Key.District, Count = g.Count() })
            .ToListAsync(ct);
        AggregatePlace Place(int office, string district) =>
            new(AggregatePlace.ProvinceOf(offices[office].Name), district, offices[office].Code);
        var table = PeopleAggregate.Build(
            people.Select(p => new PeopleCount(Place(p.FieldOfficeId, p.District), p.Sex,
                p.BirthYear is { } y ? AgeGroups.FromAge(Math.Max(0, year - y)) : null, p.Count)),
            households.Select(h => new HouseholdCount(Place(h.FieldOfficeId, h.District), h.Count)),
            options.SuppressBelow);
        await audit.SaveAsync(db, new AuditEvent(Action, "aggregate", "people", $"format={format}; places={table.Places.Count}; suppress_below={table.Threshold}"), ct);
        return table;
    }
}
