using Microsoft.EntityFrameworkCore;
using Panah.Data.Matching;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<MatchIndexChange> MatchIndexChanges => Set<MatchIndexChange>();
}
