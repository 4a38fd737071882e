using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features;

/// <summary>The start page: registry totals and the sex-and-age pyramid (counts only, no names).</summary>
public sealed class IndexModel(PanahDbContext db, IAuthorizationService authz, TimeProvider clock, Data.Protection.CaseStore cases) : PageModel
{
    /// <summary>Roles whose part of Panah is still to come; the page says what it will offer them.</summary>
    private static readonly string[] RolesStillToCome = [];

    public bool CanReadRegistry { get; private set; }

    /// <summary>The data protection officer's work has a home of its own; the start page points to it.</summary>
    public bool IsDataProtectionOfficer { get; private set; }

    /// <summary>False when no menu entry is open to this account, so the page must explain why.</summary>
    public bool HasMenu { get; private set; }

    public List<string> ComingRoles { get; private set; } = [];

    /// <summary>A case worker's overdue and coming (7 days) tasks across their cases; null for anyone else.</summary>
    public List<Data.Protection.TaskLine>? CaseTasks { get; private set; }
    public int Households { get; private set; }
    public int People { get; private set; }
    public List<(AgeGroup Group, int Female, int Male)> Pyramid { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanReadRegistry = (await authz.AuthorizeAsync(User, Policies.RegistryRead)).Succeeded;
        IsDataProtectionOfficer = (await authz.AuthorizeAsync(User, Policies.DataProtection)).Succeeded;
        HasMenu = Policies.RolesFor.Where(p => p.Key is not (Policies.Staff or Policies.OwnAccount)).Any(p => p.Value.Any(User.IsInRole));
        ComingRoles = RolesStillToCome.Where(User.IsInRole).ToList();
        if ((await authz.AuthorizeAsync(User, Policies.ProtectionWork)).Succeeded)
        {
            CaseTasks = await cases.DueTasksAsync(ct);
        }
        if (!CanReadRegistry)
        {
            return;
        }
        // Inactive and closed households (one emptied by a merge, say) are not households the programme serves.
        Households = await db.Households.CountAsync(h => h.Status == HouseholdStatus.Active, ct);
        People = await db.People.CountAsync(p => p.MergedIntoId == null, ct);
        var year = clock.GetUtcNow().Year;
        var counts = await db.People.Where(p => p.MergedIntoId == null && p.BirthYear != null && p.Sex != Sex.Unknown)
            .GroupBy(p => new { p.BirthYear, p.Sex }).Select(g => new { g.Key.BirthYear, g.Key.Sex, Count = g.Count() }).ToListAsync(ct);
        foreach (var group in Enum.GetValues<AgeGroup>())
        {
            var (from, to) = AgeGroups.BirthYears(group, year);
            var inGroup = counts.Where(c => c.BirthYear >= from && c.BirthYear <= to).ToList();
            Pyramid.Add((group, inGroup.Where(c => c.Sex == Sex.Female).Sum(c => c.Count), inGroup.Where(c => c.Sex == Sex.Male).Sum(c => c.Count)));
        }
    }
}
