using Microsoft.EntityFrameworkCore;
using Panah.Data.Erasure;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<ErasureRecord> Erasures => Set<ErasureRecord>();
    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();
}
