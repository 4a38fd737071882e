using Microsoft.EntityFrameworkCore;
using Panah.Data.Protection;

namespace Panah.Data;

/// <summary>A case's plan, in-house services and tracing requests hang off their case (<see cref="ICaseScoped"/>): the case filter covers them.</summary>
public sealed partial class PanahDbContext
{
    public DbSet<CasePlanItem> CasePlanItems => Set<CasePlanItem>();
    public DbSet<CaseService> CaseServices => Set<CaseService>();
    public DbSet<TracingRequest> TracingRequests => Set<TracingRequest>();
    public DbSet<TracingMatch> TracingMatches => Set<TracingMatch>();
}
