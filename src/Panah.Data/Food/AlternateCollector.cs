using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Access;
using Panah.Data.Entities;

namespace Panah.Data.Food;

/// <summary>
/// A registered person the household names to collect its food when the head cannot come (a spouse, an adult child,
/// a neighbour). Named only with the person's consent: from <see cref="ConsentedOn"/> until <see cref="WithdrawnOn"/>
/// (a withdrawal dated today counts at once); a clerk sees and accepts them only while it is in force.
/// </summary>
public sealed class AlternateCollector : IHouseholdScoped
{
    public Guid HouseholdId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The household's field office: the access scope filters on it like the household's other rows.</summary>
    public int FieldOfficeId { get; set; }
    public DateOnly ConsentedOn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
}

internal sealed class AlternateCollectorConfiguration : IEntityTypeConfiguration<AlternateCollector>
{
    public void Configure(EntityTypeBuilder<AlternateCollector> e)
    {
        e.HasKey(x => new { x.HouseholdId, x.PersonId });
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
