using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<PdmSample> PdmSamples => Set<PdmSample>();
    public DbSet<PdmSampleHousehold> PdmSampleHouseholds => Set<PdmSampleHousehold>();
    public DbSet<PdmSurvey> PdmSurveys => Set<PdmSurvey>();
}
