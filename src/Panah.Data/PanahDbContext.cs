using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Entities;

namespace Panah.Data;

/// <summary>
/// The one EF Core model, served by SQLite (embedded default) and PostgreSQL (production). A feature adds its
/// entity sets in a partial file of its own and its configuration as <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes in its folder (applied from this assembly below). <paramref name="scope"/> is the request's
/// <see cref="AccessScope"/>: every personal entity set is filtered by it (see PanahDbContext.Access.cs).
/// </summary>
public sealed partial class PanahDbContext(DbContextOptions<PanahDbContext> options, AccessScope? scope = null) : IdentityDbContext<StaffUser>(options)
{
    /// <summary>Deny by default: a context made without a scope (design-time tools) sees no personal record.</summary>
    public AccessScope Scope { get; } = scope ?? new AccessScope();

    public DbSet<FieldOffice> FieldOffices => Set<FieldOffice>();
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();
    public DbSet<PersonRecord> People => Set<PersonRecord>();
    public DbSet<DataKey> DataKeys => Set<DataKey>();
    public DbSet<SearchToken> SearchTokens => Set<SearchToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DuplicateReview> DuplicateReviews => Set<DuplicateReview>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PanahDbContext).Assembly);
        ConfigureAccessFilters(builder);

        builder.Entity<FieldOffice>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Code).IsUnique();
        });

        builder.Entity<HouseholdRecord>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(20);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.District).HasMaxLength(60);
            e.HasIndex(x => x.District);
            // Scoped lists page households of an office in id order.
            e.HasIndex(x => new { x.FieldOfficeId, x.Id });
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.FieldOffice).WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Key).WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne(x => x.Household).HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PersonRecord>(e =>
        {
            e.HasIndex(x => x.HouseholdId);
            // Lists page in id order within a filter: these indexes answer "which ids" without reading rows.
            e.Property(x => x.District).HasMaxLength(60);
            // Lists leave merged registrations out: partial indexes over active people only, in id order
            // after the filter column (PostgreSQL cannot use "IS NULL" as an ordering prefix).
            const string active = "\"MergedIntoId\" IS NULL";
            e.HasIndex(x => x.Id, "IX_People_Active_Id").HasFilter(active);
            e.HasIndex(x => new { x.District, x.Id }, "IX_People_Active_District_Id").HasFilter(active);
            e.HasIndex(x => new { x.Sex, x.Id }, "IX_People_Active_Sex_Id").HasFilter(active);
            e.HasIndex(x => new { x.BirthYear, x.Id }, "IX_People_Active_BirthYear_Id").HasFilter(active);
            // A scoped list reads its offices' people in id order; the sex filter is the one lists use most.
            e.HasIndex(x => new { x.FieldOfficeId, x.Id }, "IX_People_Active_FieldOffice_Id").HasFilter(active);
            e.HasIndex(x => new { x.FieldOfficeId, x.Sex, x.Id }, "IX_People_Active_FieldOffice_Sex_Id").HasFilter(active);
            // The registry dashboard counts people by sex, birth year and needs in one pass over this index alone: it
            // holds every column the count and the access filter (office, household, id) read, in the order of the
            // grouping, so that the groups stream out without a sort and SQLite prefers it to the narrower sex index.
            e.HasIndex(x => new { x.Sex, x.BirthYear, x.Vulnerabilities, x.PermitExpiresOn, x.FieldOfficeId, x.HouseholdId, x.Id }, "IX_People_Active_Dashboard").HasFilter(active);
            // …and the permits ending within 90 days from the few they are, with the access filter's columns.
            e.HasIndex(x => new { x.PermitExpiresOn, x.FieldOfficeId, x.HouseholdId, x.Id }, "IX_People_Active_Permit").HasFilter(active + " AND \"PermitExpiresOn\" IS NOT NULL");
            e.HasIndex(x => x.MergedIntoId).HasFilter("\"MergedIntoId\" IS NOT NULL");
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Key).WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SearchToken>(e =>
        {
            e.HasKey(x => new { x.Kind, x.Hash, x.PersonId });
            e.Property(x => x.Hash).HasMaxLength(16);
            e.HasIndex(x => x.PersonId);
            e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(60);
            e.Property(x => x.EntityType).HasMaxLength(60);
            e.Property(x => x.EntityId).HasMaxLength(64);
            e.Property(x => x.Origin).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(500);
            // A hash can be the previous of only one entry: two writers racing on the same tail cannot fork the chain.
            e.HasIndex(x => x.PreviousHash).IsUnique();
            // Each lane's head, and the verifier's walk of a lane.
            e.HasIndex(x => new { x.Lane, x.Id });
            e.HasIndex(x => new { x.EntityType, x.EntityId });
        });

        builder.Entity<ApiToken>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DuplicateReview>(e =>
        {
            e.HasIndex(x => new { x.PersonAId, x.PersonBId }).IsUnique();
            e.HasIndex(x => new { x.Status, x.Probability });
            e.Property(x => x.Reason).HasMaxLength(40);
            e.Property(x => x.DecidedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonAId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonBId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StaffUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.Property(x => x.EnrolmentCodeHash).HasMaxLength(32);
            e.HasIndex(x => x.EnrolmentCodeHash).IsUnique();
        });
    }
}
