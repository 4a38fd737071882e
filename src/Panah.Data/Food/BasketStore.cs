using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Audit;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>One row of a basket as staff type it: grams per person per day (ration) or packs per household (kit).</summary>
public sealed record BasketItemInput(int CommodityId, double Quantity);

public sealed record BasketInput(string? Name, BasketKind? Kind, IReadOnlyList<BasketItemInput>? Items);

/// <summary>Builds and keeps baskets; every answer carries what a ration gives and how it stands against Sphere.</summary>
public sealed class BasketStore(PanahDbContext db, AuditLog audit, SphereOptions sphere, TimeProvider clock)
{
    public const int MaxItems = 40;
    public const double MaxGramsPerDay = 2_000;
    public const int MaxPacks = 1_000;

    public SphereOptions Sphere => sphere;

    public async Task<List<BasketView>> ListAsync(CancellationToken ct = default) =>
        (await Query().OrderBy(b => b.Name).ToListAsync(ct)).Select(View).ToList();

    public async Task<BasketView?> GetAsync(int id, CancellationToken ct = default) =>
        await Query().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b ? View(b) : null;

    /// <summary>What a basket not yet saved would give (the builder's preview), after the same checks a save makes.</summary>
    public async Task<BasketView> PreviewAsync(BasketInput input, CancellationToken ct = default)
    {
        var commodities = await ThrowIfInvalidAsync(input, [], ct);
        var basket = new Basket { Name = input.Name!.Trim(), Kind = input.Kind!.Value, UpdatedAt = clock.GetUtcNow() };
        basket.Items = input.Items!.Select(i => new BasketItem { CommodityId = i.CommodityId, Quantity = i.Quantity, Commodity = commodities[i.CommodityId] }).ToList();
        return View(basket);
    }

    public async Task<BasketView> CreateAsync(BasketInput input, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(input, [], ct);
        var basket = new Basket { Name = input.Name!.Trim(), Kind = input.Kind!.Value, UpdatedAt = clock.GetUtcNow() };
        basket.Items = input.Items!.Select(i => new BasketItem { CommodityId = i.CommodityId, Quantity = i.Quantity }).ToList();
        db.Baskets.Add(basket);
        await FoodAudit.SaveNewAsync(db, audit, () => new AuditEvent("basket.create", "basket", FoodAudit.Id(basket.Id)), ct);
        return (await GetAsync(basket.Id, ct))!;
    }

    /// <summary>Replaces a basket last seen at <paramref name="expectedVersion"/>; someone else's change in between is a <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task<BasketView> UpdateAsync(int id, long expectedVersion, BasketInput input, CancellationToken ct = default)
    {
        var basket = await db.Baskets.Include(b => b.Items).SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw new KeyNotFoundException();
        if (basket.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        await ThrowIfInvalidAsync(input, basket.Items.Select(i => i.CommodityId).ToHashSet(), ct);
        basket.Name = input.Name!.Trim();
        basket.Kind = input.Kind!.Value;
        // Rows are changed in place, not deleted and added again: the (basket, commodity) index is unique.
        var wanted = input.Items!.ToDictionary(i => i.CommodityId, i => i.Quantity);
        basket.Items.RemoveAll(i => !wanted.ContainsKey(i.CommodityId));
        foreach (var (commodityId, quantity) in wanted)
        {
            if (basket.Items.Find(i => i.CommodityId == commodityId) is { } item)
            {
                item.Quantity = quantity;
            }
            else
            {
                basket.Items.Add(new BasketItem { CommodityId = commodityId, Quantity = quantity });
            }
        }
        basket.UpdatedAt = clock.GetUtcNow();
        basket.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("basket.update", "basket", FoodAudit.Id(id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        db.ChangeTracker.Clear();
        return (await GetAsync(id, ct))!;
    }

    /// <summary>
    /// The rules a basket keeps; returns the commodities it names. An inactive commodity may stay in a basket that
    /// had it (<paramref name="already"/>) but is not added to another.
    /// </summary>
    private async Task<Dictionary<int, Commodity>> ThrowIfInvalidAsync(BasketInput input, HashSet<int> already, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(key);
        CommodityStore.Text(input.Name, 100, "name", Add);
        if (input.Kind is not (BasketKind.Ration or BasketKind.Kit))
        {
            Add("kind", "Food.KindUnknown");
        }
        var items = input.Items ?? [];
        if (items.Count == 0)
        {
            Add("items", "Food.BasketEmpty");
        }
        else if (items.Count > MaxItems)
        {
            Add("items", "Food.BasketTooLong");
        }
        var ids = items.Select(i => i.CommodityId).Distinct().ToList();
        var commodities = await db.Commodities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var seen = new HashSet<int>();
        for (var n = 0; n < items.Count && n < MaxItems; n++)
        {
            var item = items[n];
            if (!commodities.TryGetValue(item.CommodityId, out var c) || (!c.Active && !already.Contains(c.Id)))
            {
                Add($"items[{n}].commodityId", "Food.CommodityUnknown");
            }
            else if (!seen.Add(item.CommodityId))
            {
                Add($"items[{n}].commodityId", "Food.CommodityTwice");
            }
            if (input.Kind == BasketKind.Kit && !(item.Quantity is >= 1 and <= MaxPacks && Math.Floor(item.Quantity) == item.Quantity))
            {
                Add($"items[{n}].quantity", "Food.PacksRange");
            }
            else if (input.Kind != BasketKind.Kit && !(double.IsFinite(item.Quantity) && item.Quantity is > 0 and <= MaxGramsPerDay))
            {
                Add($"items[{n}].quantity", "Food.GramsRange");
            }
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        return commodities;
    }

    private IQueryable<Basket> Query() => db.Baskets.AsNoTracking().Include(b => b.Items).ThenInclude(i => i.Commodity);

    private BasketView View(Basket b)
    {
        var lines = b.Items.OrderBy(i => i.Commodity!.Name).Select(i => new BasketLineView(
            i.CommodityId, i.Commodity!.Code, i.Commodity.Name, i.Quantity,
            new NutrientsPer100g(i.Commodity.KcalPer100g, i.Commodity.ProteinPer100g, i.Commodity.FatPer100g),
            i.Commodity.Unit, i.Commodity.PackGrams, i.Commodity.PackLabel)).ToList();
        SphereResult? check = b.Kind == BasketKind.Ration ? SphereCheck.Check(Ration.Totals(lines.Select(l => new RationLine(l.Quantity, l.Per100g))), sphere) : null;
        var kitKilograms = b.Kind == BasketKind.Kit ? Tonnage.KitKilograms(lines.Select(l => (l.Quantity, l.PackGrams))) : (double?)null;
        return new BasketView(b.Id, b.Name, b.Kind, lines, check, kitKilograms, b.UpdatedAt, b.Version);
    }
}

public sealed record BasketLineView(int CommodityId, string Code, string Name, double Quantity, NutrientsPer100g Per100g, string Unit, int PackGrams, string PackLabel);

/// <summary>A basket with what it gives: for a ration, its totals per person per day and the Sphere check; for a kit, its weight per household.</summary>
public sealed record BasketView(int Id, string Name, BasketKind Kind, IReadOnlyList<BasketLineView> Items, SphereResult? Check, double? KitKilograms, DateTimeOffset UpdatedAt, long Version);
