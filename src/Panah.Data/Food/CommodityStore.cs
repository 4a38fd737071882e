using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Audit;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>A commodity as staff type it: nutrients per 100 g, the stock unit and the pack.</summary>
public sealed record CommodityInput(string? Code, string? Name, double KcalPer100g, double ProteinPer100g, double FatPer100g, string? Unit, int PackGrams, string? PackLabel, bool Active = true);

public sealed record CommodityView(int Id, string Code, string Name, double KcalPer100g, double ProteinPer100g, double FatPer100g, string Unit, int PackGrams, string PackLabel, bool Active, long Version);

/// <summary>Keeps the commodity list: the programme manager adds, edits and deactivates (never deletes: baskets and stock refer to them).</summary>
public sealed partial class CommodityStore(PanahDbContext db, AuditLog audit)
{
    /// <summary>The units stock is counted in.</summary>
    public static readonly string[] Units = ["kg", "l", "pcs"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public async Task<List<CommodityView>> ListAsync(bool activeOnly = false, CancellationToken ct = default) =>
        await db.Commodities.AsNoTracking().Where(c => !activeOnly || c.Active).OrderBy(c => c.Name).Select(c => View(c)).ToListAsync(ct);

    public async Task<CommodityView?> GetAsync(int id, CancellationToken ct = default) =>
        await db.Commodities.AsNoTracking().Where(c => c.Id == id).Select(c => View(c)).SingleOrDefaultAsync(ct);

    public async Task<CommodityView> CreateAsync(CommodityInput input, CancellationToken ct = default)
    {
        await ThrowIfInvalidAsync(input, null, ct);
        var c = new Commodity { Code = input.Code!, Name = "", Unit = "", PackLabel = "" };
        Apply(c, input);
        db.Commodities.Add(c);
        await FoodAudit.SaveNewAsync(db, audit, () => new AuditEvent("commodity.create", "commodity", FoodAudit.Id(c.Id)), ct);
        return View(c);
    }

    /// <summary>Changes a commodity last seen at <paramref name="expectedVersion"/>; someone else's change in between is a <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task<CommodityView> UpdateAsync(int id, long expectedVersion, CommodityInput input, CancellationToken ct = default)
    {
        var c = await db.Commodities.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new KeyNotFoundException();
        if (c.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        await ThrowIfInvalidAsync(input, id, ct);
        Apply(c, input);
        c.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("commodity.update", "commodity", FoodAudit.Id(id)), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return View(c);
    }

    /// <summary>Deactivates or reactivates a commodity: an inactive one is not offered for new baskets.</summary>
    public async Task<CommodityView> SetActiveAsync(int id, long expectedVersion, bool active, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct) ?? throw new KeyNotFoundException();
        return await UpdateAsync(id, expectedVersion, new CommodityInput(c.Code, c.Name, c.KcalPer100g, c.ProteinPer100g, c.FatPer100g, c.Unit, c.PackGrams, c.PackLabel, active), ct);
    }

    private async Task ThrowIfInvalidAsync(CommodityInput input, int? id, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(key);
        if (input.Code is not { } code || !CodePattern().IsMatch(code) || code.Length > 40)
        {
            Add("code", "Food.CodeInvalid");
        }
        else if (await db.Commodities.AnyAsync(c => c.Code == code && c.Id != id, ct))
        {
            Add("code", "Food.CodeTaken");
        }
        Text(input.Name, 100, "name", Add);
        Text(input.PackLabel, 60, "packLabel", Add);
        if (!InRange(input.KcalPer100g, 900))
        {
            // Pure fat gives 900 kcal per 100 g: nothing gives more.
            Add("kcalPer100g", "Food.KcalRange");
        }
        if (!InRange(input.ProteinPer100g, 100))
        {
            Add("proteinPer100g", "Food.GramsPer100gRange");
        }
        if (!InRange(input.FatPer100g, 100))
        {
            Add("fatPer100g", "Food.GramsPer100gRange");
        }
        else if (InRange(input.ProteinPer100g, 100) && input.ProteinPer100g + input.FatPer100g > 100)
        {
            Add("fatPer100g", "Food.NutrientsOver100g");
        }
        if (input.Unit is null || !Units.Contains(input.Unit))
        {
            Add("unit", "Food.UnitUnknown");
        }
        if (input.PackGrams is < 1 or > 100_000)
        {
            Add("packGrams", "Food.PackGramsRange");
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
    }

    internal static void Text(string? value, int max, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, "Food.Required");
        }
        else if (value.Trim().Length > max)
        {
            add(field, "Food.TooLong");
        }
        else if (!PlainText.IsAllowed(value))
        {
            add(field, "Text.HiddenCharacters");
        }
    }

    private static bool InRange(double value, double max) => double.IsFinite(value) && value >= 0 && value <= max;

    private static void Apply(Commodity c, CommodityInput input)
    {
        c.Code = input.Code!;
        c.Name = input.Name!.Trim();
        c.KcalPer100g = input.KcalPer100g;
        c.ProteinPer100g = input.ProteinPer100g;
        c.FatPer100g = input.FatPer100g;
        c.Unit = input.Unit!;
        c.PackGrams = input.PackGrams;
        c.PackLabel = input.PackLabel!.Trim();
        c.Active = input.Active;
    }

    private static CommodityView View(Commodity c) =>
        new(c.Id, c.Code, c.Name, c.KcalPer100g, c.ProteinPer100g, c.FatPer100g, c.Unit, c.PackGrams, c.PackLabel, c.Active, c.Version);
}
