using Microsoft.EntityFrameworkCore;
using Panah.Data.Protection;

namespace Panah.Data;

/// <summary>Referrals and transfers hang off their case (<see cref="ICaseScoped"/>): the case filter covers them.</summary>
public sealed partial class PanahDbContext
{
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<CaseReferral> CaseReferrals => Set<CaseReferral>();
    public DbSet<CaseTransfer> CaseTransfers => Set<CaseTransfer>();
}
