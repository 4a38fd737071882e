using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Registry;

// A person joins the registry as a member of a household: at registration, or later through this method.
public sealed partial class RegistryStore
{
    /// <summary>
    /// Adds <paramref name="member"/> to an existing household, under the same rules and audit as registration:
    /// the person's own rules, one head per household, at most <see cref="RegistryValidator.MaxMembers"/> members.
    /// </summary>
    public async Task<PersonView> AddMemberAsync(Guid householdId, PersonDetails member, CancellationToken ct = default)
    {
        var errors = RegistryValidator.Validate(member, Today);
        var h = await db.Households.Include(x => x.Key).FirstOrDefaultAsync(x => x.Id == householdId, ct) ?? throw new KeyNotFoundException();
        if (member.Relationship == Relationship.Head && h.HeadPersonId is not null)
        {
            errors["relationship"] = ["Members.OneHead"];
        }
        if (h.MemberCount >= RegistryValidator.MaxMembers)
        {
            errors["members"] = ["Members.TooMany"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var household = RegistrySealer.OpenHousehold(sealer.OpenKey(h.Key!), h);
        var now = clock.GetUtcNow();
        var person = NewPerson(h, member, household.Phone, now);
        db.People.Add(person);
        if (member.Relationship == Relationship.Head)
        {
            h.HeadPersonId = person.Id;
        }
        // The household's version moves too: two members added at once cannot both count as the one more.
        h.MemberCount++;
        h.Version++;
        h.UpdatedAt = now;
        try
        {
            await audit.SaveAsync(db,
                [new AuditEvent("person.create", "person", person.Id.ToString()) { People = [person.Id] }, new AuditEvent("household.update", "household", h.Id.ToString(), "members=+1")], ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        matchIndex.Upsert(person.Id, member, household.Address, person.HouseholdId);
        counts.Clear();
        return Shown(ToView(person, h));
    }
}
