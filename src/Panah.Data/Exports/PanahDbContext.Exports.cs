using Microsoft.EntityFrameworkCore;
using Panah.Data.Exports;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<ExportRecipient> ExportRecipients => Set<ExportRecipient>();
    public DbSet<ExportRequest> ExportRequests => Set<ExportRequest>();
}
