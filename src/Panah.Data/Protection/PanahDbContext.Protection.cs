using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Protection;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<ProtectionCase> ProtectionCases => Set<ProtectionCase>();
    public DbSet<CaseAccess> CaseAccess => Set<CaseAccess>();
    public DbSet<ProtectionTeam> ProtectionTeams => Set<ProtectionTeam>();
    public DbSet<ProtectionTeamMember> ProtectionTeamMembers => Set<ProtectionTeamMember>();
    public DbSet<CaseTask> CaseTasks => Set<CaseTask>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<CaseAssessment> CaseAssessments => Set<CaseAssessment>();
    public DbSet<CaseApproval> CaseApprovals => Set<CaseApproval>();

    /// <summary>
    /// A case, and every row hanging off it, is there only for the staff its scope names (owner, assigned,
    /// transferee, their supervisor) or for the data protection officer; for everyone else it is not there (404).
    /// </summary>
    private void ConfigureCaseFilters(ModelBuilder builder)
    {
        builder.Entity<ProtectionCase>().HasQueryFilter(AccessScope.FilterName, c => Scope.AllCases || Scope.CaseIds.Contains(c.Id));
        var byCase = typeof(PanahDbContext).GetMethod(nameof(FilterByCase), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ICaseScoped).IsAssignableFrom).ToList())
        {
            byCase.MakeGenericMethod(type).Invoke(this, [builder]);
        }
    }

    private void FilterByCase<T>(ModelBuilder builder)
        where T : class, ICaseScoped =>
        builder.Entity<T>().HasQueryFilter(AccessScope.FilterName, x => Scope.AllCases || Scope.CaseIds.Contains(x.CaseId));
}
