using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Core.Registry;
using Panah.Data.Access;

namespace Panah.Data.Matching;

/// <summary>
/// One person merge and what it changed, so that an undo restores it exactly: which registration went into which,
/// and the merged registration's household as it was before and as the merge left it. Ids and enums only: nothing
/// personal. Scoped by the merged registration's household (the one the merge changed).
/// </summary>
public sealed class PersonMergeRecord : IHouseholdScoped
{
    public Guid Id { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid MergedId { get; set; }

    /// <summary>The review whose "same person" made this merge, if a review did.</summary>
    public Guid? ReviewId { get; set; }

    /// <summary>The household merge this person merge is part of, if any (its undo undoes this one too).</summary>
    public Guid? HouseholdMergeId { get; set; }

    /// <summary>The merged registration's household: the one that lost a member.</summary>
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public Guid SurvivorHouseholdId { get; set; }
    public Relationship SurvivorRelationshipBefore { get; set; }
    public Relationship SurvivorRelationshipAfter { get; set; }
    public Guid? HeadBefore { get; set; }
    public Guid? HeadAfter { get; set; }
    public HouseholdStatus StatusBefore { get; set; }
    public HouseholdStatus StatusAfter { get; set; }
    public DateTimeOffset MergedAt { get; set; }
    public string? MergedBy { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
    public long Version { get; set; }
}

internal sealed class PersonMergeRecordConfiguration : IEntityTypeConfiguration<PersonMergeRecord>
{
    public void Configure(EntityTypeBuilder<PersonMergeRecord> e)
    {
        e.ToTable("PersonMerges");
        e.HasIndex(x => x.MergedId);
        e.HasIndex(x => x.SurvivorId);
        e.HasIndex(x => x.HouseholdMergeId);
        e.Property(x => x.MergedBy).HasMaxLength(100);
        e.Property(x => x.UndoneBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
