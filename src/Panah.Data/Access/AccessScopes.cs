using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Access;

/// <summary>Fills a request's <see cref="AccessScope"/> from the staff member's assignments and unexpired grants, read fresh from the database.</summary>
public sealed class AccessScopes(PanahDbContext db, AccessScope scope, TimeProvider clock)
{
    public async Task LoadAsync(string staffUserId, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var offices = await db.StaffOffices.AsNoTracking().Where(o => o.StaffUserId == staffUserId).Select(o => o.FieldOfficeId).ToListAsync(ct);
        var programmes = await db.StaffProgrammes.AsNoTracking().Where(p => p.StaffUserId == staffUserId).Select(p => p.Programme).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // The scope is being built: the account's own grants are read past the filter that the scope itself drives.
        // Expiry is compared here, not in SQL: SQLite cannot order DateTimeOffset values, and an account holds few grants.
        var grants = await db.AccessGrants.IgnoreQueryFilters([AccessScope.FilterName]).AsNoTracking()
            .Where(g => g.StaffUserId == staffUserId && g.Status == GrantStatus.Granted)
            .Select(g => new { g.HouseholdId, g.ExpiresAt }).ToListAsync(ct);
        scope.ForStaff(staffUserId, roles, offices, programmes, grants.Where(g => g.ExpiresAt is null || g.ExpiresAt > now).Select(g => g.HouseholdId));
    }
}
