using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

/// <summary>
/// The domain guide's planning values per 100 g, with the packs the NGO hands out. Put in once, when the table is
/// empty (a new database, production or demo); from then on they are staff's data to edit.
/// </summary>
public static class CommoditySeed
{
    private static Commodity[] Table() =>
    [
        New("wheat-flour", "Wheat flour", 350, 11.5, 1.5, "kg", 25_000, "25 kg sack"),
        New("maize-meal", "Maize meal", 360, 9, 3.5, "kg", 25_000, "25 kg sack"),
        New("rice", "Rice", 360, 7, 0.5, "kg", 25_000, "25 kg sack"),
        New("lentils", "Lentils", 340, 20, 0.6, "kg", 5_000, "5 kg bag"),
        New("beans", "Beans", 335, 20, 1.2, "kg", 5_000, "5 kg bag"),
        // A 5 l tin: vegetable oil weighs about 0.92 kg a litre.
        New("vegetable-oil", "Vegetable oil", 885, 0, 100, "l", 4_600, "5 l tin"),
        New("sugar", "Sugar", 400, 0, 0, "kg", 1_000, "1 kg bag"),
        New("salt", "Salt (iodised)", 0, 0, 0, "kg", 1_000, "1 kg bag"),
        New("csb", "Corn-soya blend (CSB)", 380, 18, 6, "kg", 1_500, "1.5 kg bag"),
    ];

    public static async Task EnsureAsync(PanahDbContext db, CancellationToken ct = default)
    {
        if (await db.Commodities.AnyAsync(ct))
        {
            return;
        }
        db.Commodities.AddRange(Table());
        await db.SaveChangesAsync(ct);
    }

    private static Commodity New(string code, string name, double kcal, double protein, double fat, string unit, int packGrams, string packLabel) =>
        new() { Code = code, Name = name, KcalPer100g = kcal, ProteinPer100g = protein, FatPer100g = fat, Unit = unit, PackGrams = packGrams, PackLabel = packLabel };
}
