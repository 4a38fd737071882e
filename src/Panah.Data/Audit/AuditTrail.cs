using Microsoft.EntityFrameworkCore;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Audit;

/// <summary>What the data protection officer filters the audit trail by; every part optional, times inclusive.</summary>
public sealed record AuditFilter(string? StaffUserId = null, Guid? Person = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>One audit entry as the viewer and its export show it: who, what, which record, when, from where, and the people it names.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string? StaffEmail, string Action, string EntityType, string? EntityId, string? Origin,
    string? Detail, IReadOnlyList<Guid> People);

/// <summary>A staff account the viewer's filter offers.</summary>
public sealed record AuditStaffOption(string Id, string Email);

/// <summary>
/// Reads the audit trail for the data protection officer, newest first. The staff filter matches the account as a
/// person and through any of its tokens ("user:ID", "user:ID token:…", "service:ID…"); the person filter uses the
/// AuditSubjects index and the entity id of single-record entries.
/// </summary>
public sealed class AuditTrail(PanahDbContext db)
{
    public async Task<Page<AuditRow>> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);
        var pages = Paging.PageCount(total, pageSize);
        page = Math.Clamp(page, 1, pages);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Include(e => e.Subjects).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        return new Page<AuditRow>(await RowsAsync(entries, ct), page, pageSize, total);
    }

    /// <summary>Every matching entry, newest first, a page at a time so a large export does not sit in memory.</summary>
    public async IAsyncEnumerable<AuditRow> ExportAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        const int batch = 1000;
        var below = long.MaxValue;
        while (true)
        {
            var entries = await Filtered(filter).Where(e => e.Id < below).OrderByDescending(e => e.Id).Take(batch)
                .Include(e => e.Subjects).AsSplitQuery().AsNoTracking().ToListAsync(ct);
            foreach (var row in await RowsAsync(entries, ct))
            {
                yield return row;
            }
            if (entries.Count < batch)
            {
                yield break;
            }
            below = entries[^1].Id;
        }
    }

    /// <summary>The staff accounts the filter offers, by email.</summary>
    public Task<List<AuditStaffOption>> StaffAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new AuditStaffOption(u.Id, u.Email ?? u.Id)).ToListAsync(ct);

    /// <summary>The actions recorded so far, for the action filter.</summary>
    public Task<List<string>> ActionsAsync(CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (db.Database.IsSqlite() && (f.From is not null || f.To is not null))
        {
            // SQLite keeps a DateTimeOffset as text that EF will not compare; every entry is written in UTC
            // ("yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00"), so text order is time order and the bounds can be compared as text.
            var after = SqliteText(f.From ?? DateTimeOffset.MinValue);
            var before = SqliteText(f.To ?? DateTimeOffset.MaxValue);
            query = db.AuditEntries.FromSql($"SELECT * FROM AuditEntries WHERE At >= {after} AND At <= {before}").AsNoTracking();
            f = f with { From = null, To = null };
        }
        if (!string.IsNullOrEmpty(f.StaffUserId))
        {
            string user = "user:" + f.StaffUserId, service = "service:" + f.StaffUserId;
            query = query.Where(e => e.Actor == user || e.Actor.StartsWith(user + " ") || e.Actor == service || e.Actor.StartsWith(service + " "));
        }
        if (f.Person is { } person)
        {
            var id = person.ToString();
            query = query.Where(e => e.EntityId == id || e.Subjects.Any(s => s.PersonId == person));
        }
        if (!string.IsNullOrEmpty(f.Action))
        {
            query = query.Where(e => e.Action == f.Action);
        }
        if (f.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (f.To is { } to)
        {
            query = query.Where(e => e.At <= to);
        }
        return query;
    }

    private async Task<List<AuditRow>> RowsAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => StaffId(e.Actor)).OfType<string>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return entries.Select(e => new AuditRow(e.Id, e.At, e.Actor, StaffId(e.Actor) is { } s ? emails.GetValueOrDefault(s) : null, e.Action, e.EntityType,
            e.EntityId, e.Origin, e.Detail, e.Subjects.Select(x => x.PersonId).Order().ToList())).ToList();
    }

    private static string SqliteText(DateTimeOffset at) =>
        at.ToUniversalTime().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"user:ID", "service:ID token:T" → ID; "cli:…", "anonymous" → none.</summary>
    private static string? StaffId(string actor)
    {
        var head = actor.Split(' ', 2)[0];
        return head.StartsWith("user:", StringComparison.Ordinal) ? head[5..]
            : head.StartsWith("service:", StringComparison.Ordinal) ? head[8..]
            : null;
    }
}
