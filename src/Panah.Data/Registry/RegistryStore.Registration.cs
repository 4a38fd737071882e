using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Validation;

namespace Panah.Data.Registry;

// Registration: a household and its members in one go, under the registry's rules, in one of the officer's offices.
public sealed partial class RegistryStore
{
    public async Task<HouseholdView> RegisterAsync(int fieldOfficeId, HouseholdDetails household, IReadOnlyList<PersonDetails> members, CancellationToken ct = default)
    {
        var errors = RegistryValidator.Validate(household, members, Today);
        var office = await db.FieldOffices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == fieldOfficeId, ct);
        // An office outside the officer's scope is as unknown as one that does not exist.
        if (office is null || !Scope.CoversOffice(office.Id))
        {
            errors["fieldOffice"] = ["FieldOffice.Unknown"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var record = Build(office!, household, members, out var events);
        db.Households.Add(record);
        await audit.SaveAsync(db, events, ct);
        var view = await GetHouseholdCoreAsync(record.Id, ct) ?? throw new InvalidOperationException("Household vanished after registration.");
        Index(view);
        counts.Clear();
        return Shown(view);
    }

    /// <summary>Builds a household with its members and tokens, ready to add; used by registration and by the demo seeder.</summary>
    public HouseholdRecord Build(FieldOffice office, HouseholdDetails household, IReadOnlyList<PersonDetails> members, out List<AuditEvent> events)
    {
        var now = clock.GetUtcNow();
        var (householdKeyRow, householdKey) = sealer.NewKey();
        var id = Guid.CreateVersion7();
        var record = new HouseholdRecord
        {
            Id = id,
            Code = HouseholdCodes.New(office.Code),
            FieldOfficeId = office.Id,
            District = household.District.Trim(),
            Status = household.Status,
            RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime),
            Key = householdKeyRow,
            Sealed = RegistrySealer.SealHousehold(householdKey, id, household),
            MemberCount = members.Count,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        events = [new AuditEvent("household.create", "household", id.ToString(), $"members={members.Count}")];
        foreach (var m in members)
        {
            var person = NewPerson(record, m, household.Phone, now);
            record.Members.Add(person);
            if (m.Relationship == Relationship.Head)
            {
                record.HeadPersonId = person.Id;
            }
            events.Add(new AuditEvent("person.create", "person", person.Id.ToString()));
        }
        return record;
    }

    /// <summary>The latest expiry among a person's residence permits: the date the registry dashboard counts, kept in clear.</summary>
    public static DateOnly? PermitExpiry(PersonDetails person) =>
        person.Documents.Where(d => d.Type == DocumentType.ResidencePermit && d.ExpiresOn is not null).Max(d => d.ExpiresOn);

    /// <summary>A new member row; district and field office are the household's, copied so that lists and the access filter read the people table alone.</summary>
    private PersonRecord NewPerson(HouseholdRecord household, PersonDetails m, string? householdPhone, DateTimeOffset now)
    {
        var (keyRow, key) = sealer.NewKey();
        var personId = Guid.CreateVersion7();
        var person = new PersonRecord
        {
            Id = personId,
            HouseholdId = household.Id,
            District = household.District,
            FieldOfficeId = household.FieldOfficeId,
            Sex = m.Sex,
            BirthYear = m.BirthDate?.Date.Year,
            Relationship = m.Relationship,
            Vulnerabilities = m.Vulnerabilities,
            PermitExpiresOn = PermitExpiry(m),
            Key = keyRow,
            Sealed = RegistrySealer.SealPerson(key, personId, m),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SearchTokens.AddRange(tokenizer.For(personId, m, householdPhone));
        return person;
    }
}
