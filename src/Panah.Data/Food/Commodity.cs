namespace Panah.Data.Food;

/// <summary>
/// A food commodity with its planning values per 100 g (seeded from the domain guide's table, editable) and the
/// pack it is handed out in. Entitlements are counted in whole packs; nutrients are computed from grams.
/// </summary>
public sealed class Commodity
{
    public int Id { get; set; }

    /// <summary>A short stable code ("maize-meal"), used by imports and the API.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public double KcalPer100g { get; set; }
    public double ProteinPer100g { get; set; }
    public double FatPer100g { get; set; }

    /// <summary>The unit staff count stock in ("kg", "l", "pcs").</summary>
    public required string Unit { get; set; }

    /// <summary>Grams in one pack (a 5 l tin of oil is about 4,600 g): entitlements are rounded up to packs.</summary>
    public int PackGrams { get; set; }

    /// <summary>What the pack is called on a card or a stock sheet ("25 kg sack").</summary>
    public required string PackLabel { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}
