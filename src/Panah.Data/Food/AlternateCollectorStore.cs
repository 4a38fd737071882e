using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>
/// An alternate collector of a household as its page and the API show it: the person, their own household's code,
/// their name when the reader's fields show names, and the consent's dates.
/// </summary>
public sealed record AlternateCollectorView(Guid PersonId, string HouseholdCode, PersonName? Name, DateOnly ConsentedOn, DateOnly? WithdrawnOn, bool InForce);

/// <summary>
/// Naming and withdrawing a household's alternate collectors (<see cref="AlternateCollector"/>): a member of the
/// household or another registered person, from the date they consented, while their data may be used for food
/// assistance (<see cref="ConsentRules.MayUse"/>). A withdrawal keeps the row, dated, so the history stays. Households
/// and people come through the request's access scope; each read and change is audited with the people's ids only.
/// </summary>
public sealed class AlternateCollectorStore(PanahDbContext db, RegistrySealer sealer, ConsentRules consent, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The household's alternate collectors, in force first; null when the household is not in scope.</summary>
    public async Task<IReadOnlyList<AlternateCollectorView>?> ListAsync(Guid householdId, CancellationToken ct = default)
    {
        if (!await db.Households.AnyAsync(h => h.Id == householdId, ct))
        {
            return null;
        }
        var today = Today;
        var rows = await db.AlternateCollectors.AsNoTracking().Where(a => a.HouseholdId == householdId)
            .Join(db.People.Include(p => p.Key).Include(p => p.Household), a => a.PersonId, p => p.Id, (a, p) => new { a, p })
            .ToListAsync(ct);
        var withNames = db.Scope.Fields.Shows(RegistryFields.Name);
        var views = rows
            .Select(x => new AlternateCollectorView(x.p.Id, x.p.Household!.Code, withNames && !x.p.Key!.IsErased() ? Open(x.p).Name : null,
                x.a.ConsentedOn, x.a.WithdrawnOn, InForce(x.a, today)))
            .OrderByDescending(v => v.InForce).ThenBy(v => v.ConsentedOn).ThenBy(v => v.PersonId)
            .ToList();
        await audit.SaveAsync(db, new AuditEvent("food.collectors.view", "household", householdId.ToString())
        {
            People = [.. views.Where(v => v.Name is not null).Select(v => v.PersonId)],
        }, ct);
        return views;
    }

    /// <summary>
    /// Names <paramref name="personId"/> an alternate collector of the household from <paramref name="consentedOn"/>
    /// (naming again someone whose consent was withdrawn starts a new consent).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The household is not in scope.</exception>
    /// <exception cref="FieldException">The person, or the date, breaks a rule.</exception>
    public async Task NameAsync(Guid householdId, Guid? personId, DateOnly? consentedOn, CancellationToken ct = default)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw new KeyNotFoundException();
        var today = Today;
        var errors = new Dictionary<string, List<string>>();
        if (consentedOn is not { } date)
        {
            errors["consentedOn"] = ["Collectors.ConsentDateRequired"];
        }
        else if (date > today)
        {
            errors["consentedOn"] = ["Collectors.ConsentDateFuture"];
        }
        var person = personId is { } id
            ? await db.People.AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == id && p.MergedIntoId == null, ct)
            : null;
        if (person is null || person.Key!.IsErased())
        {
            errors["personId"] = ["Collectors.NoSuchPerson"];
        }
        else if (person.Id == household.HeadPersonId)
        {
            errors["personId"] = ["Collectors.IsHead"];
        }
        else if (!consent.MayUse(Open(person).Consents, ConsentPurpose.FoodAssistance, today))
        {
            errors["personId"] = ["Collectors.NoFoodConsent"];
        }
        var existing = person is null ? null : await db.AlternateCollectors.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.PersonId == person.Id, ct);
        if (existing is not null && InForce(existing, today))
        {
            errors["personId"] = ["Collectors.AlreadyNamed"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        if (existing is null)
        {
            db.AlternateCollectors.Add(new AlternateCollector { HouseholdId = householdId, PersonId = person!.Id, FieldOfficeId = household.FieldOfficeId, ConsentedOn = consentedOn!.Value });
        }
        else
        {
            existing.ConsentedOn = consentedOn!.Value;
            existing.WithdrawnOn = null;
        }
        await audit.SaveAsync(db, new AuditEvent("food.collector.name", "household", householdId.ToString(), "person=" + person!.Id) { People = [person.Id] }, ct);
    }

    /// <summary>Withdraws the person as the household's alternate collector today (at once); false when they are not one now.</summary>
    public async Task<bool> WithdrawAsync(Guid householdId, Guid personId, CancellationToken ct = default)
    {
        var today = Today;
        var row = await db.AlternateCollectors.FirstOrDefaultAsync(a => a.HouseholdId == householdId && a.PersonId == personId, ct);
        if (row is null || !InForce(row, today))
        {
            return false;
        }
        row.WithdrawnOn = today;
        await audit.SaveAsync(db, new AuditEvent("food.collector.withdraw", "household", householdId.ToString(), "person=" + personId) { People = [personId] }, ct);
        return true;
    }

    // The same rule as Collectors: in force from the consent's date until a withdrawal, which counts the day it is dated.
    private static bool InForce(AlternateCollector a, DateOnly today) => a.ConsentedOn <= today && (a.WithdrawnOn is null || a.WithdrawnOn > today);

    private PersonDetails Open(Entities.PersonRecord p) => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
}
