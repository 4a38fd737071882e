using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>A programme as its list shows it.</summary>
public sealed record ProgrammeView(int Id, string Name, int MinDaysBetweenCollections, bool OneCollectionPerCycle, bool Active);

/// <summary>A warehouse or distribution point as its list shows it.</summary>
public sealed record LocationView(int Id, string Code, string Name, LocationKind Kind, int FieldOfficeId, string FieldOfficeCode, bool Active);

/// <summary>Food programmes (with their collection rules) and the warehouses and distribution points of each field office.</summary>
public sealed class FoodProgrammeStore(PanahDbContext db, AuditLog audit)
{
    public const int MaxMinDays = 365;

    public Task<List<ProgrammeView>> ProgrammesAsync(CancellationToken ct = default) =>
        db.FoodProgrammes.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProgrammeView(p.Id, p.Name, p.MinDaysBetweenCollections, p.OneCollectionPerCycle, p.Active)).ToListAsync(ct);

    public Task<List<LocationView>> LocationsAsync(CancellationToken ct = default) =>
        db.FoodLocations.AsNoTracking().OrderBy(l => l.FieldOffice!.Code).ThenBy(l => l.Code)
            .Select(l => new LocationView(l.Id, l.Code, l.Name, l.Kind, l.FieldOfficeId, l.FieldOffice!.Code, l.Active)).ToListAsync(ct);

    /// <summary>Adds a programme; the message key of what is wrong, or null.</summary>
    public async Task<string?> AddProgrammeAsync(string name, int minDaysBetweenCollections, bool oneCollectionPerCycle, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return "Programme.NameRequired";
        }
        if (!PlainText.IsAllowed(name))
        {
            return "Text.HiddenCharacters";
        }
        if (minDaysBetweenCollections is < 0 or > MaxMinDays)
        {
            return "Programme.MinDaysRange";
        }
        if (await db.FoodProgrammes.AnyAsync(p => p.Name == name, ct))
        {
            return "Programme.NameTaken";
        }
        db.FoodProgrammes.Add(new FoodProgramme { Name = name, MinDaysBetweenCollections = minDaysBetweenCollections, OneCollectionPerCycle = oneCollectionPerCycle });
        await audit.SaveAsync(db, new AuditEvent("food.programme.create", "programme"), ct);
        return null;
    }

    /// <summary>Adds a warehouse or distribution point; the message key of what is wrong, or null.</summary>
    public async Task<string?> AddLocationAsync(string code, string name, LocationKind kind, int fieldOfficeId, CancellationToken ct = default)
    {
        code = code.Trim().ToUpperInvariant();
        name = name.Trim();
        if (code.Length is 0 or > 20 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return "Location.CodeFormat";
        }
        if (name.Length is 0 or > 100)
        {
            return "Location.NameRequired";
        }
        if (!PlainText.IsAllowed(name))
        {
            return "Text.HiddenCharacters";
        }
        if (!Enum.IsDefined(kind))
        {
            return "Location.KindRequired";
        }
        if (!await db.FieldOffices.AnyAsync(o => o.Id == fieldOfficeId, ct))
        {
            return "FieldOffice.Unknown";
        }
        if (await db.FoodLocations.AnyAsync(l => l.Code == code, ct))
        {
            return "Location.CodeTaken";
        }
        db.FoodLocations.Add(new FoodLocation { Code = code, Name = name, Kind = kind, FieldOfficeId = fieldOfficeId });
        await audit.SaveAsync(db, new AuditEvent("food.location.create", "location"), ct);
        return null;
    }
}
