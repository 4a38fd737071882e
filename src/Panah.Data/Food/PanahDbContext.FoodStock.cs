using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<StockBalance> StockBalances => Set<StockBalance>();

    /// <summary>
    /// The warehouses and points this request's staff member acts at: those of the offices in the access scope. Every
    /// stock page, API and report reads locations through this, so a clerk never sees or posts at another office's.
    /// </summary>
    public IQueryable<FoodLocation> ScopedFoodLocations => FoodLocations.Where(l => Scope.AllOffices || Scope.OfficeIds.Contains(l.FieldOfficeId));
}
