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
        var collectors = new List<EligibleCollector>();
        foreach (var c in (await CandidatesAsync(household.Id, null, ct)).OrderBy(c => c.IsHead ? 0 : 1).ThenBy(c => c.Person.Id))
        {
            var details = withNames || !c.IsHead ? Open(c.Person) : null;
            if (c.IsHead || consent.MayUse(details!.Consents, ConsentPurpose.FoodAssistance, Today))
            {
                collectors.Add(new EligibleCollector(c.Person.Id, c.IsHead, withNames ? details!.Name : null));
            }
        }
        return collectors;
    }

    /// <summary>Whether <paramref name="personId"/> may collect for the household today (the head without opening anything).</summary>
    /// <remarks>One query: the head is known by the household row it heads, so the household itself is not read first.</remarks>
    public async Task<bool> MayCollectAsync(Guid householdId, Guid personId, CancellationToken ct) =>
        (await CandidatesAsync(householdId, personId, ct)).SingleOrDefault() is { } c
        && (c.IsHead || consent.MayUse(Open(c.Person).Consents, ConsentPurpose.FoodAssistance, Today));

    /// <summary>Someone who may collect, before consent is checked: the household's head, or an alternate named for it.</summary>
    private sealed record Candidate(PersonRecord Person, bool IsHead);

    /// <summary>The head and the alternates in force, neither merged nor erased; whether each heads the household comes from the query.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Guid householdId, Guid? only, CancellationToken ct)
    {
        var today = Today;
        var alternates = db.AlternateCollectors.Where(a => a.HouseholdId == householdId && a.ConsentedOn <= today && (a.WithdrawnOn == null || a.WithdrawnOn > today))
            .Select(a => a.PersonId);
        // The key is projected beside the person: an Include does not reach into a projection.
        var people = await db.People.AsNoTracking()
            .Where(p => p.MergedIntoId == null && (only == null || p.Id == only))
            .Select(p => new { Person = p, p.Key, IsHead = p.HouseholdId == householdId && p.Household!.HeadPersonId == p.Id })
            .Where(c => c.IsHead || alternates.Contains(c.Person.Id))
            .ToListAsync(ct);
        foreach (var c in people)
        {
            c.Person.Key = c.Key;
        }
        return [.. people.Where(c => !c.Key!.IsErased()).Select(c => new Candidate(c.Person, c.IsHead))];
    }

    private PersonDetails Open(PersonRecord p) => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
}
