using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Matching;

namespace Panah.Data.Registry;

/// <summary>
/// Registers, reads and edits households and people (search is <see cref="RegistrySearch"/>). Personal fields are sealed on the way in
/// and opened on the way out; every read of a person's record and every change is audited.
/// </summary>
public sealed partial class RegistryStore(PanahDbContext db, RegistrySealer sealer, SearchTokenizer tokenizer, AuditLog audit, RegistryMatchIndex matchIndex, ListCounts counts, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<HouseholdView> RegisterAsync(int fieldOfficeId, HouseholdDetails household, IReadOnlyList<PersonDetails> members, CancellationToken ct = default)
    {
        var errors = RegistryValidator.Validate(household, members, Today);
        var office = await db.FieldOffices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == fieldOfficeId, ct);
        if (office is null)
        {
            errors["fieldOffice"] = ["FieldOffice.Unknown"];
        }
        if (errors.Count > 0)
        {
            throw new RegistryValidationException(errors);
        }
        var record = Build(office!, household, members, out var events);
        db.Households.Add(record);
        await audit.SaveAsync(db, events, ct);
        var view = await GetHouseholdCoreAsync(record.Id, ct) ?? throw new InvalidOperationException("Household vanished after registration.");
        Index(view);
        counts.Clear();
        return view;
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
            var person = NewPerson(id, record.District, m, household.Phone, now);
            record.Members.Add(person);
            if (m.Relationship == Relationship.Head)
            {
                record.HeadPersonId = person.Id;
            }
            events.Add(new AuditEvent("person.create", "person", person.Id.ToString()));
        }
        return record;
    }

    private PersonRecord NewPerson(Guid householdId, string district, PersonDetails m, string? householdPhone, DateTimeOffset now)
    {
        var (keyRow, key) = sealer.NewKey();
        var personId = Guid.CreateVersion7();
        var person = new PersonRecord
        {
            Id = personId,
            HouseholdId = householdId,
            District = district,
            Sex = m.Sex,
            BirthYear = m.BirthDate?.Date.Year,
            Relationship = m.Relationship,
            Vulnerabilities = m.Vulnerabilities,
            Key = keyRow,
            Sealed = RegistrySealer.SealPerson(key, personId, m),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SearchTokens.AddRange(tokenizer.For(personId, m, householdPhone));
        return person;
    }

    public async Task<HouseholdView?> GetHouseholdAsync(Guid id, CancellationToken ct = default)
    {
        var view = await GetHouseholdCoreAsync(id, ct);
        if (view is not null)
        {
            var events = view.Members.Select(m => new AuditEvent("person.view", "person", m.Id.ToString(), "via=household"))
                .Prepend(new AuditEvent("household.view", "household", id.ToString()));
            await audit.SaveAsync(db, events, ct);
        }
        return view;
    }

    private async Task<HouseholdView?> GetHouseholdCoreAsync(Guid id, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().Include(x => x.Key).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
        {
            return null;
        }
        var members = await db.People.AsNoTracking().Include(p => p.Key).Where(p => p.HouseholdId == id).OrderBy(p => p.Relationship).ThenBy(p => p.Id).ToListAsync(ct);
        var details = sealer.OpenHouseholdOrTombstone(h);
        var people = members.Select(p => ToView(p, h)).ToList();
        return new HouseholdView(h.Id, h.Code, h.FieldOfficeId, h.RegisteredOn, h.Version, details, people);
    }

    public async Task<PersonView?> GetPersonAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Key).Include(x => x.Household).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        await audit.SaveAsync(db, new AuditEvent("person.view", "person", id.ToString()), ct);
        return ToView(p, p.Household!);
    }

    public async Task<Page<PersonView>> ListPeopleAsync(PeopleFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        var query = PeopleQuery(filter);
        var total = await CountPeopleAsync(filter, query, ct);
        page = WithinLast(page, pageSize, total);
        var ids = await query.OrderBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        var rows = await OpenPeopleAsync(ids, ct);
        await audit.SaveAsync(db, new AuditEvent("people.list", "person", null, $"page={page} shown={rows.Count}") { People = ids }, ct);
        return new Page<PersonView>(rows, page, pageSize, total);
    }

    public async Task<Page<HouseholdSummary>> ListHouseholdsAsync(string? district, HouseholdStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        var query = HouseholdsQuery(district, status);
        var total = await CountHouseholdsAsync(district, status, query, ct);
        page = WithinLast(page, pageSize, total);
        var rows = await query.OrderBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = await SummariesAsync(rows, ct);
        await audit.SaveAsync(db, new AuditEvent("households.list", "household", null, $"page={page} shown={rows.Count}") { People = HeadsOf(rows) }, ct);
        return new Page<HouseholdSummary>(items, page, pageSize, total);
    }

    public async Task<PersonView> UpdatePersonAsync(Guid id, long expectedVersion, PersonDetails details, CancellationToken ct = default)
    {
        var errors = RegistryValidator.Validate(details, Today);
        if (errors.Count > 0)
        {
            throw new RegistryValidationException(errors);
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
        var householdPhone = RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household!.Key!), p.Household).Phone;
        (details, var consentEvents) = KeepConsentHistory(id, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), details, Today);
        p.Sealed = RegistrySealer.SealPerson(sealer.OpenKey(p.Key!), id, details);
        p.Sex = details.Sex;
        p.BirthYear = details.BirthDate?.Date.Year;
        p.Relationship = details.Relationship;
        p.Vulnerabilities = details.Vulnerabilities;
        p.Version++;
        p.UpdatedAt = clock.GetUtcNow();
        db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == id).ToListAsync(ct));
        db.SearchTokens.AddRange(tokenizer.For(id, details, householdPhone));
        await SaveEditAsync([new AuditEvent("person.update", "person", id.ToString()), .. consentEvents], ct);
        matchIndex.Upsert(id, details, RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household.Key!), p.Household).Address);
        return ToView(p, p.Household);
    }

    public async Task<HouseholdView> UpdateHouseholdAsync(Guid id, long expectedVersion, HouseholdDetails details, CancellationToken ct = default)
    {
        var errors = RegistryValidator.ValidateHouseholdOnly(details);
        if (errors.Count > 0)
        {
            throw new RegistryValidationException(errors);
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
            member.District = h.District;
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
        return view;
    }

    private void Index(HouseholdView h)
    {
        foreach (var m in h.Members.Where(m => m.MergedIntoId is null && !m.IsErased))
        {
            matchIndex.Upsert(m.Id, m.Details, h.Details.Address);
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

    private PersonView ToView(PersonRecord p, HouseholdRecord h)
    {
        var (details, erasedAt) = sealer.OpenPersonOrTombstone(p);
        return new(p.Id, p.HouseholdId, h.Code, h.District, p.Version, details, p.MergedIntoId, erasedAt);
    }

    /// <summary>The person's name; null once they are erased.</summary>
    private PersonName? OpenName(PersonRecord p) => p.Key is { } key && !key.IsErased() ? RegistrySealer.OpenPerson(sealer.OpenKey(key), p).Name : null;

    private static (int Page, int Size) Clamp(int page, int size) => (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));

    // A page number past the last shows the last page and says so; it also keeps (page - 1) * size from overflowing.
    private static int WithinLast(int page, int size, int total) => Math.Min(page, Paging.PageCount(total, size));
}
