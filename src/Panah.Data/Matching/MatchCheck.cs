using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Matching;

/// <summary>Where a likely match outside the reader's scope is registered: no personal data, enough to ask for it to be shared.</summary>
public sealed record MatchElsewhere(Guid HouseholdId, string HouseholdCode, string OfficeCode, string OfficeName);

/// <summary>A likely match: the person as the reader may see them, or, outside their scope, only where it is.</summary>
public sealed record RegistryMatch(LikelyMatch Match, PersonView? Person, MatchElsewhere? Elsewhere);

/// <summary>
/// The online duplicate check while registering. It looks at the whole registry (a person registered in
/// another office is exactly the duplicate to catch), but shows personal data only for people in the
/// reader's scope; for the others it says where they are registered. One audit entry names every candidate.
/// </summary>
public sealed class MatchCheck(PanahDbContext db, RegistryMatchIndex index, RegistrySealer sealer, UnscopedReads unscoped, AuditLog audit, TimeProvider clock)
{
    public bool IsReady => index.IsReady;

    public int Indexed => index.Count;

    /// <summary>Likely matches for each probe, best first.</summary>
    public async Task<List<List<RegistryMatch>>> CheckAsync(IReadOnlyList<PersonDetails> probes, string? address, int top = 5, double minimumProbability = 0.2, CancellationToken ct = default)
    {
        var found = probes.Select(p => index.Query(p, address, top, minimumProbability)).ToList();
        var ids = found.SelectMany(f => f.Select(m => m.PersonId)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return found.Select(_ => new List<RegistryMatch>()).ToList();
        }
        var inScope = (await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
                .Where(p => ids.Contains(p.Id) && p.MergedIntoId == null && p.Key!.Wrapped != null).ToListAsync(ct))
            .ToDictionary(p => p.Id, View);
        var outside = ids.Where(id => !inScope.ContainsKey(id)).ToList();
        var elsewhere = new Dictionary<Guid, MatchElsewhere>();
        if (outside.Count > 0)
        {
            var people = await unscoped.AllAsync<PersonRecord>("match-check", ct);
            elsewhere = await people.AsNoTracking().Where(p => outside.Contains(p.Id) && p.MergedIntoId == null && p.Key!.Wrapped != null)
                .Select(p => new { p.Id, Hint = new MatchElsewhere(p.HouseholdId, p.Household!.Code, p.Household.FieldOffice!.Code, p.Household.FieldOffice.Name) })
                .ToDictionaryAsync(x => x.Id, x => x.Hint, ct);
        }
        var result = found.Select(list => list
            .Select(m => new RegistryMatch(m, inScope.GetValueOrDefault(m.PersonId), elsewhere.GetValueOrDefault(m.PersonId)))
            .Where(c => c.Person is not null || c.Elsewhere is not null)
            .ToList()).ToList();
        var named = result.SelectMany(r => r.Select(c => c.Match.PersonId)).Distinct().ToList();
        await audit.SaveAsync(db, new AuditEvent("people.match", "person", null, $"candidates={named.Count} elsewhere={elsewhere.Count}") { People = named }, ct);
        return result;
    }

    private PersonView View(PersonRecord p) =>
        new PersonView(p.Id, p.HouseholdId, p.Household!.Code, p.Household.District, p.Version, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), p.MergedIntoId)
        {
            AgeGroup = p.BirthYear is { } year ? AgeGroups.FromAge(clock.GetUtcNow().Year - year) : null,
        }.Cut(db.Scope.Fields);
}
