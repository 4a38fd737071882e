using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Access;

/// <summary>Fills a request's <see cref="AccessScope"/> from the staff member's assignments and unexpired grants, read fresh from the database.</summary>
public sealed class AccessScopes(PanahDbContext db, AccessScope scope, TimeProvider clock)
{
    /// <summary>One row of a staff member's scope: an office, a programme or a grant, so all three come in one query (every request reads them).</summary>
    private sealed class ScopeRow
    {
        public int Kind { get; init; }
        public int? Office { get; init; }
        public Core.Access.Programme? Programme { get; init; }
        public Guid? Household { get; init; }
        public DateTimeOffset? Expires { get; init; }
    }

    /// <summary>
    /// The account's offices, programmes and grants in one query, compiled once: it runs on every request, and a LINQ
    /// query pays for building and looking up its expression tree each time it runs.
    /// The scope is being built: the account's own grants are read past the filter that the scope itself drives.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<PanahDbContext, string, IAsyncEnumerable<ScopeRow>>> Queries = new();

    /// <summary>Compiled per model: a compiled query serves one model only, and one process may hold two (SQLite and PostgreSQL in the tests).</summary>
    private static Func<PanahDbContext, string, IAsyncEnumerable<ScopeRow>> RowsOf(PanahDbContext context) => Queries.GetOrAdd(context.Model, _ => EF.CompileAsyncQuery((PanahDbContext db, string staffUserId) =>
        db.StaffOffices.AsNoTracking().Where(o => o.StaffUserId == staffUserId)
            .Select(o => new ScopeRow { Kind = 1, Office = o.FieldOfficeId, Programme = null, Household = null, Expires = null })
            .Concat(db.StaffProgrammes.AsNoTracking().Where(p => p.StaffUserId == staffUserId)
                .Select(p => new ScopeRow { Kind = 2, Office = null, Programme = p.Programme, Household = null, Expires = null }))
            .Concat(db.AccessGrants.IgnoreQueryFilters(new[] { AccessScope.FilterName }).AsNoTracking()
                .Where(g => g.StaffUserId == staffUserId && g.Status == GrantStatus.Granted)
                .Select(g => new ScopeRow { Kind = 3, Office = null, Programme = null, Household = g.HouseholdId, Expires = g.ExpiresAt }))));

    public async Task LoadAsync(string staffUserId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var rows = new List<ScopeRow>();
        await foreach (var row in RowsOf(db)(db, staffUserId).WithCancellation(ct))
        {
            rows.Add(row);
        }
        if (roles.Contains(Staff.Roles.Teacher))
        {
            // A teacher's sections ride in the office column: the scope reads them as sections (one more query, for teachers only).
            rows.AddRange(await db.ClassSections.AsNoTracking().Where(s => s.TeacherId == staffUserId && s.Status != Education.SectionStatus.Cancelled)
                .Select(s => new ScopeRow { Kind = 4, Office = s.Id, Programme = null, Household = null, Expires = null }).ToListAsync(ct));
        }
        var now = clock.GetUtcNow();
        // Expiry is compared here, not in SQL: SQLite cannot order DateTimeOffset values, and an account holds few grants.
        scope.ForStaff(
            staffUserId, roles,
            [.. rows.Where(r => r.Kind == 1).Select(r => r.Office!.Value)],
            [.. rows.Where(r => r.Kind == 2).Select(r => r.Programme!.Value)],
            rows.Where(r => r.Kind == 3 && (r.Expires is null || r.Expires > now)).Select(r => r.Household!.Value),
            rows.Where(r => r.Kind == 4).Select(r => r.Office!.Value));
        if (roles.Contains(Staff.Roles.CaseWorker) && scope.Fields != RegistryFields.None)
        {
            await LoadCasesAsync(staffUserId, ct);
        }
    }

    /// <summary>
    /// A case worker's teams and cases: their own access rows and those of the workers of the teams they supervise.
    /// Two small indexed queries, case workers only; read past the filter the scope itself drives.
    /// </summary>
    private async Task LoadCasesAsync(string staffUserId, CancellationToken ct)
    {
        var teams = await db.ProtectionTeamMembers.AsNoTracking().Where(m => m.StaffUserId == staffUserId)
            .Select(m => new { m.TeamId, Supervised = false })
            .Concat(db.ProtectionTeams.AsNoTracking().Where(t => t.SupervisorId == staffUserId).Select(t => new { TeamId = t.Id, Supervised = true }))
            .ToListAsync(ct);
        var supervised = teams.Where(t => t.Supervised).Select(t => t.TeamId).ToArray();
        var cases = await db.CaseAccess.IgnoreQueryFilters([AccessScope.FilterName]).AsNoTracking()
            .Where(a => a.StaffUserId == staffUserId
                || (supervised.Length > 0 && db.ProtectionTeamMembers.Any(m => m.StaffUserId == a.StaffUserId && supervised.Contains(m.TeamId))))
            .Select(a => a.CaseId).Distinct().ToListAsync(ct);
        scope.WithCases(cases, teams.Where(t => !t.Supervised).Select(t => t.TeamId), supervised);
    }
}
