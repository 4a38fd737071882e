using Microsoft.EntityFrameworkCore;
using Panah.Data.Alerts;
using Panah.Data.Entities;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AuditSubject> AuditSubjects => Set<AuditSubject>();
}
