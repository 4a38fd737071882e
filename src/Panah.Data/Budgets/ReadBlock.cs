using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Budgets;

/// <summary>
/// An account stopped from reading person records because it crossed its budget. One row per account: a block
/// is open while <see cref="LiftedAt"/> is null, and only the data protection officer lifts it.
/// </summary>
public sealed class ReadBlock
{
    public required string StaffUserId { get; set; }
    public DateTimeOffset BlockedAt { get; set; }

    /// <summary>Which allowance was crossed (e.g. <c>hour limit=300 token=…</c>): counts and ids only.</summary>
    public string? Detail { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }
}

/// <summary>A service account's budget, granted explicitly by the data protection officer for an integration that needs bulk reads.</summary>
public sealed class ServiceReadBudget
{
    public required string StaffUserId { get; set; }
    public int PerHour { get; set; }
    public int PerDay { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
}

internal sealed class ReadBlockConfiguration : IEntityTypeConfiguration<ReadBlock>
{
    public void Configure(EntityTypeBuilder<ReadBlock> e)
    {
        e.HasKey(x => x.StaffUserId);
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(200);
        e.Property(x => x.LiftedBy).HasMaxLength(100);
    }
}

internal sealed class ServiceReadBudgetConfiguration : IEntityTypeConfiguration<ServiceReadBudget>
{
    public void Configure(EntityTypeBuilder<ServiceReadBudget> e)
    {
        e.HasKey(x => x.StaffUserId);
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        e.Property(x => x.GrantedBy).HasMaxLength(100);
    }
}
