using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Entities;

namespace Panah.Data.Matching;

/// <summary>
/// Two households that share two or more members (the same person by a decided merge or by a strong match): one
/// family registered twice. The earlier household (<see cref="HouseholdId"/>) survives a merge; <see cref="OtherHouseholdId"/>
/// is folded into it. A pair is proposed once, whatever is decided. Scoped by the surviving household; pages and the
/// API also require the other one to be visible. The fields after <see cref="Version"/> are what the merge changed, for its undo.
/// </summary>
public sealed class HouseholdDuplicate : IHouseholdScoped
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public Guid OtherHouseholdId { get; set; }

    /// <summary>How many people the two households share, when proposed.</summary>
    public int Shared { get; set; }
    public ReviewStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public long Version { get; set; }

    public Guid? HeadBefore { get; set; }
    public Guid? HeadAfter { get; set; }
    public Guid? OtherHeadBefore { get; set; }
    public HouseholdStatus OtherStatusBefore { get; set; }
}

/// <summary>A member a household merge moved from the other household into the surviving one, and their place before and after.</summary>
public sealed class HouseholdMove
{
    public long Id { get; set; }
    public Guid HouseholdDuplicateId { get; set; }
    public Guid PersonId { get; set; }
    public Relationship RelationshipBefore { get; set; }
    public Relationship RelationshipAfter { get; set; }
}

internal sealed class HouseholdDuplicateConfiguration : IEntityTypeConfiguration<HouseholdDuplicate>
{
    public void Configure(EntityTypeBuilder<HouseholdDuplicate> e)
    {
        e.HasIndex(x => new { x.HouseholdId, x.OtherHouseholdId }).IsUnique();
        e.HasIndex(x => x.OtherHouseholdId);
        e.HasIndex(x => new { x.Status, x.Id });
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class HouseholdMoveConfiguration : IEntityTypeConfiguration<HouseholdMove>
{
    public void Configure(EntityTypeBuilder<HouseholdMove> e)
    {
        e.HasIndex(x => x.HouseholdDuplicateId);
        e.HasOne<HouseholdDuplicate>().WithMany().HasForeignKey(x => x.HouseholdDuplicateId).OnDelete(DeleteBehavior.Cascade);
    }
}
