using Microsoft.EntityFrameworkCore;
using Panah.Data.Matching;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<PersonMergeRecord> PersonMerges => Set<PersonMergeRecord>();
    public DbSet<HouseholdDuplicate> HouseholdDuplicates => Set<HouseholdDuplicate>();
    public DbSet<HouseholdMove> HouseholdMoves => Set<HouseholdMove>();
    public DbSet<HouseholdMergeFoodChange> HouseholdMergeFoodChanges => Set<HouseholdMergeFoodChange>();
}
