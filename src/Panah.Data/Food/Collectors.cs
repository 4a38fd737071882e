using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Food;

/// <summary>Someone who may collect a household's food: its head, or an alternate collector in force. The name is null when not shown.</summary>
public sealed record EligibleCollector(Guid PersonId, bool IsHead, PersonName? Name);

/// <summary>
/// Who may collect for a household: the head of household, and the alternate collectors it named with their consent
/// (<see cref="AlternateCollector"/>) whose data may be used for food assistance (<see cref="ConsentRules.MayUse"/>).
/// People come through the request's access scope; an erased or merged person collects for no one.
/// </summary>
public sealed class Collectors(PanahDbContext db, RegistrySealer sealer, ConsentRules consent, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The head first, then the alternates; names opened only when <paramref name="withNames"/>.</summary>
    public async Task<IReadOnlyList<EligibleCollector>> OfAsync(HouseholdRecord household, bool withNames, CancellationToken ct)
    {
        var people = await CandidatesAsync(household.Id, null, ct);
        var collectors = new List<EligibleCollector>();
        foreach (var p in people.Where(p => !p.Key!.IsErased()).OrderBy(p => p.Id == household.HeadPersonId ? 0 : 1).ThenBy(p => p.Id))
        {
            var isHead = p.Id == household.HeadPersonId;
            var details = withNames || !isHead ? Open(p) : null;
            if (isHead || consent.MayUse(details!.Consents, ConsentPurpose.FoodAssistance, Today))
            {
                collectors.Add(new EligibleCollector(p.Id, isHead, withNames ? details!.Name : null));
            }
        }
        return collectors;
    }

    /// <summary>Whether <paramref name="personId"/> may collect for the household today (the head without opening anything).</summary>
    /// <remarks>One query: the head is known by the household row it heads, so the household itself is not read first.</remarks>
    public async Task<bool> MayCollectAsync(Guid householdId, Guid personId, CancellationToken ct)
    {
        var p = (await CandidatesAsync(householdId, personId, ct)).SingleOrDefault();
        if (p is null || p.Key!.IsErased())
        {
            return false;
        }
        return IsHead(p, householdId) || consent.MayUse(Open(p).Consents, ConsentPurpose.FoodAssistance, Today);
    }

    private static bool IsHead(PersonRecord p, Guid householdId) => p.HouseholdId == householdId && p.Household?.HeadPersonId == p.Id;

    private async Task<List<PersonRecord>> CandidatesAsync(Guid householdId, Guid? only, CancellationToken ct)
    {
        var today = Today;
        var alternates = db.AlternateCollectors.Where(a => a.HouseholdId == householdId && a.ConsentedOn <= today && (a.WithdrawnOn == null || a.WithdrawnOn > today))
            .Select(a => a.PersonId);
        return await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
            .Where(p => p.MergedIntoId == null && (only == null || p.Id == only))
            .Where(p => (p.HouseholdId == householdId && p.Household!.HeadPersonId == p.Id) || alternates.Contains(p.Id))
            .ToListAsync(ct);
    }

    private PersonDetails Open(PersonRecord p) => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
}
