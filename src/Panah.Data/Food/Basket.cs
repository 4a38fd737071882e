namespace Panah.Data.Food;

public enum BasketKind
{
    /// <summary>Grams per person per day: the general ration, the same for every person (Sphere).</summary>
    Ration = 1,

    /// <summary>A fixed kit of packs per household, whatever its size (a Ramadan parcel).</summary>
    Kit = 2,
}

/// <summary>A food basket: a ration per person per day, or a fixed kit per household.</summary>
public sealed class Basket
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public BasketKind Kind { get; set; }
    public List<BasketItem> Items { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One commodity in a basket.</summary>
public sealed class BasketItem
{
    public int Id { get; set; }
    public int BasketId { get; set; }
    public int CommodityId { get; set; }
    public Commodity? Commodity { get; set; }

    /// <summary>Grams per person per day for a <see cref="BasketKind.Ration"/>; packs per household for a <see cref="BasketKind.Kit"/>.</summary>
    public double Quantity { get; set; }
}
