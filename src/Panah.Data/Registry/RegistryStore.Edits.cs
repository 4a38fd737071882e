using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Validation;

namespace Panah.Data.Registry;

// Edits: a record outside the scope is not found (the filter hides it), so it answers as one that does not exist.
public sealed partial class RegistryStore
{
    public async Task<PersonView> UpdatePersonAsync(Guid id, long expectedVersion, PersonDetails details, CancellationToken ct = default)
    {
        var errors = RegistryValidator.Validate(details, Today);
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var p = await db.People.Include(x => x.Key).Include(x => x.Household).ThenInclude(h => h!.Key).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new KeyNotFoundException();
        if (p.Key!.IsErased())
        {
            throw new ErasedRecordException();
        }
        if (p.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        var household = RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household!.Key!), p.Household);
        (details, var consentEvents) = KeepConsentHistory(id, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), details, Today);
        p.Sealed = RegistrySealer.SealPerson(sealer.OpenKey(p.Key!), id, details);
        p.Sex = details.Sex;
        p.BirthYear = details.BirthDate?.Date.Year;
        p.Relationship = details.Relationship;
        p.Vulnerabilities = details.Vulnerabilities;
        p.PermitExpiresOn = PermitExpiry(details);
        ChooseHead(p, p.Household);
        p.Version++;
        p.UpdatedAt = clock.GetUtcNow();
        db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == id).ToListAsync(ct));
        db.SearchTokens.AddRange(tokenizer.For(id, details, household.Phone));
        await SaveEditAsync([new AuditEvent("person.update", "person", id.ToString()) { People = [id] }, .. consentEvents], ct);
        matchIndex.Upsert(id, details, household.Address, p.HouseholdId);
        return Shown(ToView(p, p.Household));
    }

    public async Task<HouseholdView> UpdateHouseholdAsync(Guid id, long expectedVersion, HouseholdDetails details, CancellationToken ct = default)
    {
        var errors = RegistryValidator.ValidateHouseholdOnly(details);
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var h = await db.Households.Include(x => x.Key).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (h.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        var householdKey = sealer.OpenKey(h.Key!);
        var phoneChanged = RegistrySealer.OpenHousehold(householdKey, h).Phone != details.Phone;
        h.Sealed = RegistrySealer.SealHousehold(householdKey, id, details);
        h.District = details.District.Trim();
        foreach (var member in await db.People.Include(p => p.Key).Where(p => p.HouseholdId == id).ToListAsync(ct))
        {
            // The copies on the member rows follow the household.
            member.District = h.District;
            member.FieldOfficeId = h.FieldOfficeId;
            if (phoneChanged && !member.Key!.IsErased())
            {
                // Members are found by the household phone too: their tokens follow it.
                db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == member.Id).ToListAsync(ct));
                db.SearchTokens.AddRange(tokenizer.For(member.Id, RegistrySealer.OpenPerson(sealer.OpenKey(member.Key!), member), details.Phone));
            }
        }
        h.Status = details.Status;
        h.Version++;
        h.UpdatedAt = clock.GetUtcNow();
        await SaveEditAsync([new AuditEvent("household.update", "household", id.ToString())], ct);
        var view = await GetHouseholdCoreAsync(id, ct) ?? throw new KeyNotFoundException();
        Index(view);
        return Shown(view);
    }

    /// <summary>
    /// A household left without a head (its head was merged away as a registration of someone living elsewhere) gets
    /// the member an officer edits to be its head; the household's version moves, so two such edits cannot both win.
    /// </summary>
    private void ChooseHead(PersonRecord p, HouseholdRecord h)
    {
        if (p.Relationship == Relationship.Head && h.HeadPersonId is null && p.MergedIntoId is null)
        {
            h.HeadPersonId = p.Id;
            h.Version++;
            h.UpdatedAt = clock.GetUtcNow();
        }
    }

    private async Task SaveEditAsync(IEnumerable<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
