using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Entities;
using Panah.Data.Matching;

namespace Panah.Data.Registry;

/// <summary>
/// Registers, finds, reads and edits households and people. Personal fields are sealed on the way in
/// and opened on the way out; every read of a person's record and every change is audited.
/// </summary>
public sealed class RegistryStore(PanahDbContext db, RegistrySealer sealer, SearchTokenizer tokenizer, AuditLog audit, RegistryMatchIndex matchIndex, ListCounts counts, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const int MaxSearchResults = 50;

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
        var details = RegistrySealer.OpenHousehold(sealer.OpenKey(h.Key!), h);
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
        var query = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var district = filter.District.Trim();
            query = query.Where(p => p.District == district);
        }
        if (filter.Sex is { } sex)
        {
            query = query.Where(p => p.Sex == sex);
        }
        if (filter.AgeGroup is { } group)
        {
            var (from, to) = AgeGroups.BirthYears(group, Today.Year);
            query = query.Where(p => p.BirthYear >= from && p.BirthYear <= to);
        }
        if (filter.Vulnerability is { } v and not Vulnerability.None)
        {
            query = query.Where(p => (p.Vulnerabilities & v) == v);
        }
        var total = await counts.GetAsync($"people|{filter}|{Today.Year}", () => query.CountAsync(ct));
        page = WithinLast(page, pageSize, total);
        // Ids first, from an index alone; then only those rows with their keys.
        var ids = await query.OrderBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        var rows = (await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct)).OrderBy(p => p.Id).ToList();
        await audit.SaveAsync(db, new AuditEvent("people.list", "person", null, $"page={page} shown={rows.Count}"), ct);
        return new Page<PersonView>(rows.Select(p => ToView(p, p.Household!)).ToList(), page, pageSize, total);
    }

    public async Task<Page<HouseholdSummary>> ListHouseholdsAsync(string? district, HouseholdStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        (page, pageSize) = Clamp(page, pageSize);
        var query = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(district))
        {
            var d = district.Trim();
            query = query.Where(h => h.District == d);
        }
        if (status is { } s)
        {
            query = query.Where(h => h.Status == s);
        }
        var total = await counts.GetAsync($"households|{district?.Trim()}|{status}", () => query.CountAsync(ct));
        page = WithinLast(page, pageSize, total);
        var rows = await query.OrderBy(h => h.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var headIds = rows.Where(h => h.HeadPersonId is not null).Select(h => h.HeadPersonId!.Value).ToList();
        var heads = await db.People.AsNoTracking().Include(p => p.Key).Where(p => headIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await audit.SaveAsync(db, new AuditEvent("households.list", "household", null, $"page={page} shown={rows.Count}"), ct);
        var items = rows.Select(h => new HouseholdSummary(h.Id, h.Code, h.District, h.Status, h.RegisteredOn, h.MemberCount,
            h.HeadPersonId is { } hid && heads.TryGetValue(hid, out var head) ? OpenName(head) : null)).ToList();
        return new Page<HouseholdSummary>(items, page, pageSize, total);
    }

    /// <summary>People whose blind-index tokens match every part of the query.</summary>
    public async Task<IReadOnlyList<PersonView>> SearchAsync(SearchQuery q, CancellationToken ct = default)
    {
        var tokens = tokenizer.ForQuery(q);
        if (tokens.Count == 0)
        {
            return [];
        }
        // The most selective terms (documents, phones) lead; every other term is a semi-join probe of the
        // (kind, hash, person) key, so the database can stop as soon as it has enough people.
        var ordered = tokens.OrderByDescending(t => t.Kind).ToList();
        var (firstKind, firstAlternatives) = ordered[0];
        var ids = firstAlternatives
            .Select(hash => db.SearchTokens.Where(t => t.Kind == firstKind && t.Hash == hash).Select(t => t.PersonId))
            .Aggregate(Queryable.Union);
        foreach (var (kind, alternatives) in ordered.Skip(1))
        {
            ids = ids.Where(HasToken(kind, alternatives));
        }
        // Each term's ids are already distinct (the token key is unique), so the database may stop at the limit.
        var found = await ids.Take(MaxSearchResults).ToListAsync(ct);
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
            .Where(p => found.Contains(p.Id) && p.MergedIntoId == null).OrderBy(p => p.Id).ToListAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("people.search", "person", null, $"terms={tokens.Count} results={rows.Count}"), ct);
        return rows.Select(p => ToView(p, p.Household!)).ToList();
    }

    /// <summary>
    /// id => the person has a token of <paramref name="kind"/> with one of these hashes, written as one
    /// EXISTS per hash so that each is a lookup of the (kind, hash, person) key.
    /// </summary>
    private System.Linq.Expressions.Expression<Func<Guid, bool>> HasToken(SearchKind kind, byte[][] alternatives)
    {
        var id = System.Linq.Expressions.Expression.Parameter(typeof(Guid), "id");
        System.Linq.Expressions.Expression? any = null;
        foreach (var hash in alternatives)
        {
            System.Linq.Expressions.Expression<Func<Guid, bool>> one = x => db.SearchTokens.Any(t => t.Kind == kind && t.Hash == hash && t.PersonId == x);
            var body = new ParameterSwap(one.Parameters[0], id).Visit(one.Body);
            any = any is null ? body : System.Linq.Expressions.Expression.OrElse(any, body);
        }
        return System.Linq.Expressions.Expression.Lambda<Func<Guid, bool>>(any!, id);
    }

    private sealed class ParameterSwap(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : node;
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
        if (p.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        var householdPhone = RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household!.Key!), p.Household).Phone;
        p.Sealed = RegistrySealer.SealPerson(sealer.OpenKey(p.Key!), id, details);
        p.Sex = details.Sex;
        p.BirthYear = details.BirthDate?.Date.Year;
        p.Relationship = details.Relationship;
        p.Vulnerabilities = details.Vulnerabilities;
        p.Version++;
        p.UpdatedAt = clock.GetUtcNow();
        db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == id).ToListAsync(ct));
        db.SearchTokens.AddRange(tokenizer.For(id, details, householdPhone));
        await SaveEditAsync(new AuditEvent("person.update", "person", id.ToString()), ct);
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
            if (phoneChanged)
            {
                // Members are found by the household phone too: their tokens follow it.
                db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.PersonId == member.Id).ToListAsync(ct));
                db.SearchTokens.AddRange(tokenizer.For(member.Id, RegistrySealer.OpenPerson(sealer.OpenKey(member.Key!), member), details.Phone));
            }
        }
        h.Status = details.Status;
        h.Version++;
        h.UpdatedAt = clock.GetUtcNow();
        await SaveEditAsync(new AuditEvent("household.update", "household", id.ToString()), ct);
        var view = await GetHouseholdCoreAsync(id, ct) ?? throw new KeyNotFoundException();
        Index(view);
        return view;
    }

    private void Index(HouseholdView h)
    {
        foreach (var m in h.Members.Where(m => m.MergedIntoId is null))
        {
            matchIndex.Upsert(m.Id, m.Details, h.Details.Address);
        }
    }

    private async Task SaveEditAsync(AuditEvent e, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private PersonView ToView(PersonRecord p, HouseholdRecord h) =>
        new(p.Id, p.HouseholdId, h.Code, h.District, p.Version, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), p.MergedIntoId);

    private PersonName OpenName(PersonRecord p) => RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p).Name;

    private static (int Page, int Size) Clamp(int page, int size) => (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));

    // A page number past the last shows the last page and says so; it also keeps (page - 1) * size from overflowing.
    private static int WithinLast(int page, int size, int total) => Math.Min(page, new Page<object>([], page, size, total).PageCount);
}
