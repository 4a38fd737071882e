using Panah.Core.Food;
using Panah.Data.Food;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>A commodity as the API writes it; <c>version</c> is what a PUT sends back.</summary>
public sealed record CommodityDto(int Id, string Code, string Name, double KcalPer100g, double ProteinPer100g, double FatPer100g, string Unit, int PackGrams, string PackLabel, bool Active, long Version);

/// <summary>A commodity to add (POST) or change (PUT, with the <c>version</c> last read). <c>active</c> false deactivates it.</summary>
public sealed record CommodityBody(string? Code = null, string? Name = null, double? KcalPer100g = null, double? ProteinPer100g = null, double? FatPer100g = null, string? Unit = null, int? PackGrams = null, string? PackLabel = null, bool? Active = null, long? Version = null);

/// <summary>One row: grams per person per day (ration) or packs per household (kit).</summary>
public sealed record BasketItemBody(int? CommodityId = null, double? Quantity = null);

/// <summary>A basket to add (POST) or replace (PUT, with the <c>version</c> last read). <c>kind</c>: ration or kit.</summary>
public sealed record BasketBody(string? Name = null, string? Kind = null, List<BasketItemBody>? Items = null, long? Version = null);

public sealed record BasketItemDto(int CommodityId, string Code, string Name, double Quantity, string Unit, int PackGrams, string PackLabel);

/// <summary>What a ration gives a person in a day; shares in percent of energy, carbohydrate by difference.</summary>
public sealed record RationTotalsDto(double Grams, double Kcal, double ProteinGrams, double FatGrams, double ProteinPercent, double FatPercent, double CarbohydratePercent);

/// <summary>The Sphere check: each minimum met or not, and the thresholds it was checked against.</summary>
public sealed record SphereCheckDto(bool Meets, bool EnergyMet, bool ProteinMet, bool FatMet, bool FatNotJustified, double MinKcal, double MinProteinPercent, double MinFatPercent, double FatNotJustifiedAbovePercent);

/// <summary>A basket with, for a ration, its totals and check, for a kit, its weight per household in kilograms.</summary>
public sealed record BasketDto(int Id, string Name, string Kind, IReadOnlyList<BasketItemDto> Items, RationTotalsDto? Totals, SphereCheckDto? Check, double? KitKilograms, DateTimeOffset UpdatedAt, long Version);

internal static class BasketsMapping
{
    public static CommodityDto ToDto(CommodityView c) =>
        new(c.Id, c.Code, c.Name, c.KcalPer100g, c.ProteinPer100g, c.FatPer100g, c.Unit, c.PackGrams, c.PackLabel, c.Active, c.Version);

    public static BasketDto ToDto(BasketView b, SphereOptions sphere) => new(
        b.Id, b.Name, EnumNames.Name(b.Kind),
        b.Items.Select(i => new BasketItemDto(i.CommodityId, i.Code, i.Name, i.Quantity, i.Unit, i.PackGrams, i.PackLabel)).ToList(),
        b.Check is { Totals: var t } ? new RationTotalsDto(Round(t.Grams, 1), Round(t.Kcal, 0), Round(t.ProteinGrams, 1), Round(t.FatGrams, 1),
            SphereCheck.Percent(t.ProteinShare), SphereCheck.Percent(t.FatShare), SphereCheck.Percent(t.CarbohydrateShare)) : null,
        b.Check is { } c ? new SphereCheckDto(c.Meets, c.EnergyMet, c.ProteinMet, c.FatMet, c.FatNotJustified,
            sphere.MinKcal, sphere.MinProteinPercent, sphere.MinFatPercent, sphere.FatNotJustifiedAbovePercent) : null,
        b.KitKilograms is { } kg ? Round(kg, 3) : null, b.UpdatedAt, b.Version);

    /// <summary>The body's values, or the fields it lacks (as <see cref="Panah.Data.Validation.FieldException"/> names them).</summary>
    public static CommodityInput Input(CommodityBody body, Dictionary<string, List<string>> missing)
    {
        void Need(object? value, string field)
        {
            if (value is null)
            {
                missing[field] = ["Food.Required"];
            }
        }
        Need(body.KcalPer100g, "kcalPer100g");
        Need(body.ProteinPer100g, "proteinPer100g");
        Need(body.FatPer100g, "fatPer100g");
        Need(body.PackGrams, "packGrams");
        return new(body.Code, body.Name, body.KcalPer100g ?? 0, body.ProteinPer100g ?? 0, body.FatPer100g ?? 0, body.Unit, body.PackGrams ?? 1, body.PackLabel, body.Active ?? true);
    }

    public static BasketInput Input(BasketBody body, Dictionary<string, List<string>> missing)
    {
        BasketKind? kind = null;
        if (EnumNames.TryParse<BasketKind>(body.Kind, out var parsed))
        {
            kind = parsed;
        }
        var items = body.Items ?? [];
        for (var n = 0; n < items.Count; n++)
        {
            if (items[n] is null || items[n].CommodityId is null)
            {
                missing[$"items[{n}].commodityId"] = ["Food.Required"];
            }
            if (items[n] is null || items[n].Quantity is null)
            {
                missing[$"items[{n}].quantity"] = ["Food.Required"];
            }
        }
        return new(body.Name, kind, items.Select(i => new BasketItemInput(i?.CommodityId ?? 0, i?.Quantity ?? 0)).ToList());
    }

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
