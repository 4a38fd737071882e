using Microsoft.EntityFrameworkCore;
using Panah.Data.Imports;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<ImportedSubmission> ImportedSubmissions => Set<ImportedSubmission>();
}
