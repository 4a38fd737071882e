using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;

namespace Panah.Data.Dashboards;

/// <summary>The field offices a viewer may filter a dashboard by: those of their scope, nothing else.</summary>
public sealed class DashboardOffices(PanahDbContext db, AccessScope scope)
{
    public async Task<IReadOnlyList<DashboardOffice>> ListAsync(CancellationToken ct = default)
    {
        var ids = scope.OfficeIds;
        var all = scope.AllOffices;
        return await db.FieldOffices.AsNoTracking().Where(o => all || ids.Contains(o.Id)).OrderBy(o => o.Code)
            .Select(o => new DashboardOffice(o.Id, o.Code, o.Name)).ToListAsync(ct);
    }

    /// <summary>The office of <paramref name="code"/> among the viewer's; null for none given; false when it is not one of theirs.</summary>
    public async Task<(bool Known, DashboardOffice? Office)> FindAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (true, null);
        }
        var office = (await ListAsync(ct)).FirstOrDefault(o => string.Equals(o.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        return (office is not null, office);
    }
}
