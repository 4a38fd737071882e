using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Entities;

namespace Panah.Data.Registry;

/// <summary>
/// A page of a list reached by cursor: the items after a given id, in id order. <see cref="Last"/> is the id to
/// continue after when <see cref="HasMore"/>.
/// </summary>
public sealed record Slice<T>(IReadOnlyList<T> Items, int PageSize, int Total, bool HasMore, Guid? Last);

// Reads: a household, a person, and lists with their filters and keyset paging. A page after an id is a seek
// in the same partial index the first page reads ("Id > last ORDER BY Id LIMIT n"), so page 4,000 costs what
// page 1 does; an offset page must step over every row before it. Each read is one audit entry naming the
// people it showed; rows outside the scope are not there, and totals are counted per scope.
public sealed partial class RegistryStore
{
    public async Task<HouseholdView?> GetHouseholdAsync(Guid id, CancellationToken ct = default)
    {
        var view = await GetHouseholdCoreAsync(id, ct);
        if (view is null)
        {
            return null;
        }
        var shown = Shown(view);
        await audit.SaveAsync(db, new AuditEvent("household.view", "household", id.ToString()) { People = PeopleIn(view, shown) }, ct);
        return shown;
    }

    /// <summary>The id of the household with this code (as typed: any case, spaces around), or null when there is none in the caller's scope.</summary>
    public async Task<Guid?> HouseholdIdAsync(string? code, CancellationToken ct = default)
    {
        var trimmed = code?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(trimmed) ? null : await db.Households.AsNoTracking().Where(h => h.Code == trimmed).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
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
        return new HouseholdView(h.Id, h.Code, h.FieldOfficeId, h.RegisteredOn, h.Version, details, people) { MemberCount = h.MemberCount };
    }

    /// <summary>The people a household view shows: its members when listed, else the head when named.</summary>
    private static List<Guid> PeopleIn(HouseholdView full, HouseholdView shown) => shown.Members.Count > 0
        ? shown.Members.Select(m => m.Id).ToList()
        : shown.Head is null ? [] : full.Members.Where(m => m.Details.Relationship == Relationship.Head && m.MergedIntoId is null).Select(m => m.Id).ToList();

    public async Task<PersonView?> GetPersonAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Key).Include(x => x.Household).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        await audit.SaveAsync(db, new AuditEvent("person.view", "person", id.ToString()) { People = [id] }, ct);
        return Shown(ToView(p, p.Household!));
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
        await audit.SaveAsync(db, new AuditEvent("households.list", "household", null, $"page={page} shown={rows.Count}") { People = HeadsShown(items, rows) }, ct);
        return new Page<HouseholdSummary>(items, page, pageSize, total);
    }

    /// <summary>A household list names people only through the heads' names it shows.</summary>
    private static List<Guid> HeadsShown(List<HouseholdSummary> items, List<HouseholdRecord> rows) =>
        rows.Zip(items).Where(x => x.Second.Head is not null && x.First.HeadPersonId is not null).Select(x => x.First.HeadPersonId!.Value).ToList();
    public async Task<Slice<PersonView>> ListPeopleAfterAsync(PeopleFilter filter, Guid? after, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = PeopleQuery(filter);
        var total = await CountPeopleAsync(filter, query, ct);
        if (after is { } last)
        {
            query = query.Where(p => p.Id > last);
        }
        var ids = await query.OrderBy(p => p.Id).Take(pageSize + 1).Select(p => p.Id).ToListAsync(ct);
        var more = ids.Count > pageSize;
        ids = ids.Take(pageSize).ToList();
        var rows = await OpenPeopleAsync(ids, ct);
        await audit.SaveAsync(db, new AuditEvent("people.list", "person", null, $"page=after shown={rows.Count}") { People = ids }, ct);
        return new Slice<PersonView>(rows, pageSize, total, more, more ? ids[^1] : null);
    }

    public async Task<Slice<HouseholdSummary>> ListHouseholdsAfterAsync(string? district, HouseholdStatus? status, Guid? after, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = HouseholdsQuery(district, status);
        var total = await CountHouseholdsAsync(district, status, query, ct);
        if (after is { } last)
        {
            query = query.Where(h => h.Id > last);
        }
        var rows = await query.OrderBy(h => h.Id).Take(pageSize + 1).ToListAsync(ct);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        var items = await SummariesAsync(rows, ct);
        await audit.SaveAsync(db, new AuditEvent("households.list", "household", null, $"page=after shown={rows.Count}") { People = HeadsShown(items, rows) }, ct);
        return new Slice<HouseholdSummary>(items, pageSize, total, more, more ? rows[^1].Id : null);
    }

    /// <summary>Active people passing the filter, as a query the partial indexes answer.</summary>
    private IQueryable<PersonRecord> PeopleQuery(PeopleFilter filter)
    {
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
        return query;
    }

    private Task<int> CountPeopleAsync(PeopleFilter filter, IQueryable<PersonRecord> query, CancellationToken ct) =>
         counts.GetAsync($"{Scope.CacheKey}|people|{filter}|{Today.Year}", () => query.CountAsync(ct));

    /// <summary>Ids come first, from an index alone; then only those rows with their keys, in id order.</summary>
    private async Task<List<PersonView>> OpenPeopleAsync(List<Guid> ids, CancellationToken ct)
    {
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return rows.OrderBy(p => p.Id).Select(p => Shown(ToView(p, p.Household!))).ToList();
    }

    private IQueryable<HouseholdRecord> HouseholdsQuery(string? district, HouseholdStatus? status)
    {
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
        return query;
    }

    private Task<int> CountHouseholdsAsync(string? district, HouseholdStatus? status, IQueryable<HouseholdRecord> query, CancellationToken ct) =>
        counts.GetAsync($"{Scope.CacheKey}|households|{district?.Trim()}|{status}", () => query.CountAsync(ct));

    private async Task<List<HouseholdSummary>> SummariesAsync(List<HouseholdRecord> rows, CancellationToken ct)
    {
        // Heads' names are opened only for a reader who is shown them.
        var headIds = Scope.Fields.Shows(RegistryFields.HeadName) ? rows.Where(h => h.HeadPersonId is not null).Select(h => h.HeadPersonId!.Value).ToList() : [];
        var heads = await db.People.AsNoTracking().Include(p => p.Key).Where(p => headIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return rows.Select(h => new HouseholdSummary(h.Id, h.Code, h.District, h.Status, h.RegisteredOn, h.MemberCount,
            h.HeadPersonId is { } hid && heads.TryGetValue(hid, out var head) ? OpenName(head) : null).Cut(Scope.Fields)).ToList();
    }
}
