using Microsoft.EntityFrameworkCore;
using Panah.Data.Budgets;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<WindowCounter> WindowCounters => Set<WindowCounter>();
    public DbSet<ReadBlock> ReadBlocks => Set<ReadBlock>();
    public DbSet<ServiceReadBudget> ServiceReadBudgets => Set<ServiceReadBudget>();
}
