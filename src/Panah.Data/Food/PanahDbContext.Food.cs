using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<Commodity> Commodities => Set<Commodity>();
    public DbSet<Basket> Baskets => Set<Basket>();
    public DbSet<FoodLocation> FoodLocations => Set<FoodLocation>();
    public DbSet<FoodProgramme> FoodProgrammes => Set<FoodProgramme>();
    public DbSet<DistributionCycle> DistributionCycles => Set<DistributionCycle>();
    public DbSet<Entitlement> Entitlements => Set<Entitlement>();
    public DbSet<EntitlementItem> EntitlementItems => Set<EntitlementItem>();
    public DbSet<FoodCard> FoodCards => Set<FoodCard>();
    public DbSet<Redemption> Redemptions => Set<Redemption>();
}
