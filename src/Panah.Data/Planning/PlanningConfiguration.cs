using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Core.Planning;

namespace Panah.Data.Planning;

internal sealed class PlanningScenarioConfiguration : IEntityTypeConfiguration<PlanningScenario>
{
    public void Configure(EntityTypeBuilder<PlanningScenario> e)
    {
        e.Property(x => x.Name).HasMaxLength(Scenario.MaxName);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Triggers).HasMaxLength(Scenario.MaxTriggers);
        e.Property(x => x.Assumption).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
