using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<AlternateCollector> AlternateCollectors => Set<AlternateCollector>();
}
