using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Education;
using Panah.Data.Entities;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<StaffOffice> StaffOffices => Set<StaffOffice>();
    public DbSet<StaffProgramme> StaffProgrammes => Set<StaffProgramme>();
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();

    /// <summary>
    /// Rows of every personal entity are filtered by <see cref="Scope"/> in the data layer, so no page or endpoint
    /// can forget to: a household or person of another office is simply not there (404). The scope's values are
    /// read at each query. Entities that belong to a person are filtered through that person.
    /// </summary>
    private void ConfigureAccessFilters(ModelBuilder builder)
    {
        builder.Entity<HouseholdRecord>().HasQueryFilter(AccessScope.FilterName, h =>
            Scope.AllOffices || Scope.OfficeIds.Contains(h.FieldOfficeId) || Scope.HouseholdIds.Contains(h.Id));
        // A teacher reaches the people enrolled in their own sections, and nobody else.
        builder.Entity<PersonRecord>().HasQueryFilter(AccessScope.FilterName, p =>
            Scope.AllOffices || Scope.OfficeIds.Contains(p.FieldOfficeId) || Scope.HouseholdIds.Contains(p.HouseholdId)
            || (Scope.Teaches && Set<Enrolment>().Any(e => e.PersonId == p.Id && Scope.SectionIds.Contains(e.SectionId)
                && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Completed))));
        builder.Entity<SearchToken>().HasQueryFilter(AccessScope.FilterName, t =>
            Scope.AllOffices || Set<PersonRecord>().Any(p => p.Id == t.PersonId));
        // A pair is shown only to someone who may see both people.
        builder.Entity<DuplicateReview>().HasQueryFilter(AccessScope.FilterName, r =>
            Scope.AllOffices || (Set<PersonRecord>().Any(p => p.Id == r.PersonAId) && Set<PersonRecord>().Any(p => p.Id == r.PersonBId)));
        builder.Entity<AccessGrant>().HasQueryFilter(AccessScope.FilterName, g =>
            Scope.AllOffices || g.StaffUserId == Scope.StaffUserId || Set<HouseholdRecord>().Any(h => h.Id == g.HouseholdId));
        // Every feature's rows that belong to a household (food entitlements, cards, redemptions, enrolments…) get the same rule.
        var byHousehold = typeof(PanahDbContext).GetMethod(nameof(FilterByHousehold), BindingFlags.NonPublic | BindingFlags.Instance)!;
        var bySection = typeof(PanahDbContext).GetMethod(nameof(FilterBySection), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(IHouseholdScoped).IsAssignableFrom).ToList())
        {
            (typeof(ISectionScoped).IsAssignableFrom(type) ? bySection : byHousehold).MakeGenericMethod(type).Invoke(this, [builder]);
        }
        // A teacher also reaches the applications behind the seats of their sections (the level, the crèche need, a repeat:
        // what the register's risk score and the exam's next level read), and no other application.
        builder.Entity<ClassApplication>().HasQueryFilter(AccessScope.FilterName, x =>
            Scope.AllOffices || Scope.OfficeIds.Contains(x.FieldOfficeId) || Scope.HouseholdIds.Contains(x.HouseholdId)
            || (Scope.Teaches && Set<Enrolment>().Any(e => e.ApplicationId == x.Id && Scope.SectionIds.Contains(e.SectionId))));
        ConfigureCaseFilters(builder);
        ConfigureImportFilters(builder);
    }

    /// <summary>A learner's row in a section: the household rule, and also the section's teacher.</summary>
    private void FilterBySection<T>(ModelBuilder builder)
        where T : class, ISectionScoped =>
        builder.Entity<T>().HasQueryFilter(AccessScope.FilterName, x =>
            Scope.AllOffices || Scope.OfficeIds.Contains(x.FieldOfficeId) || Scope.HouseholdIds.Contains(x.HouseholdId) || Scope.SectionIds.Contains(x.SectionId));

    private void FilterByHousehold<T>(ModelBuilder builder)
        where T : class, IHouseholdScoped =>
        builder.Entity<T>().HasQueryFilter(AccessScope.FilterName, x =>
            Scope.AllOffices || Scope.OfficeIds.Contains(x.FieldOfficeId) || Scope.HouseholdIds.Contains(x.HouseholdId));
}
