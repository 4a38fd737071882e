using Microsoft.EntityFrameworkCore;
using Panah.Data.Planning;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<PlanningScenario> PlanningScenarios => Set<PlanningScenario>();
}
