using Microsoft.EntityFrameworkCore;
using Panah.Core.Access;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>A field office as the admin page offers it.</summary>
public sealed record OfficeChoice(string Code, string Name);

/// <summary>An account's field office codes and programmes.</summary>
public sealed record StaffScope(IReadOnlyList<string> Offices, IReadOnlyList<Programme> Programmes)
{
    public static readonly StaffScope None = new([], []);
}

// The scope of an account (field offices and programmes), set by the CLI's `user scope` and the admin page alike.
public sealed partial class StaffAccounts
{
    /// <summary>
    /// Replaces the account's field offices (codes) and programmes; like a role change, every session of the
    /// account ends (new security stamp), so nobody keeps working under the old scope.
    /// </summary>
    public async Task SetScopeAsync(StaffUser user, IReadOnlyCollection<string> offices, IReadOnlyCollection<Programme> programmes)
    {
        var officeIds = await OfficeIdsAsync(offices);
        db.StaffOffices.RemoveRange(await db.StaffOffices.Where(o => o.StaffUserId == user.Id).ToListAsync());
        db.StaffProgrammes.RemoveRange(await db.StaffProgrammes.Where(p => p.StaffUserId == user.Id).ToListAsync());
        AddScope(user.Id, officeIds, programmes);
        await audit.SaveAsync(db, new AuditEvent("staff.scope", "staff", user.Id, ScopeDetail(officeIds, programmes)));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>The account's field office codes and programmes, for the admin page and the CLI.</summary>
    public async Task<(List<string> Offices, List<Programme> Programmes)> ScopeOfAsync(string userId)
    {
        var offices = await db.StaffOffices.AsNoTracking().Where(o => o.StaffUserId == userId).OrderBy(o => o.FieldOfficeId).Select(o => o.FieldOffice!.Code).ToListAsync();
        var programmes = await db.StaffProgrammes.AsNoTracking().Where(p => p.StaffUserId == userId).OrderBy(p => p.Programme).Select(p => p.Programme).ToListAsync();
        return (offices, programmes);
    }

    private async Task<List<int>> OfficeIdsAsync(IReadOnlyCollection<string> codes)
    {
        var wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        var known = await db.FieldOffices.AsNoTracking().Where(o => wanted.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id);
        var unknown = wanted.Where(c => !known.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown field office: {string.Join(", ", unknown)}.", nameof(codes));
        }
        return known.Values.Order().ToList();
    }

    private void AddScope(string userId, List<int> officeIds, IReadOnlyCollection<Programme> programmes)
    {
        db.StaffOffices.AddRange(officeIds.Select(id => new StaffOffice { StaffUserId = userId, FieldOfficeId = id }));
        db.StaffProgrammes.AddRange(programmes.Distinct().Select(p => new StaffProgramme { StaffUserId = userId, Programme = p }));
    }

    private static string ScopeDetail(List<int> officeIds, IReadOnlyCollection<Programme> programmes) =>
        $"offices={string.Join(',', officeIds)} programmes={string.Join(',', programmes.Distinct().Order())}";

    /// <summary>Every account's scope, keyed by account id, for the admin list (accounts with none are absent).</summary>
    public async Task<Dictionary<string, StaffScope>> ScopesAsync()
    {
        var offices = (await db.StaffOffices.AsNoTracking().OrderBy(o => o.FieldOfficeId).Select(o => new { o.StaffUserId, o.FieldOffice!.Code }).ToListAsync())
            .ToLookup(o => o.StaffUserId, o => o.Code);
        var programmes = (await db.StaffProgrammes.AsNoTracking().OrderBy(p => p.Programme).Select(p => new { p.StaffUserId, p.Programme }).ToListAsync())
            .ToLookup(p => p.StaffUserId, p => p.Programme);
        return offices.Select(o => o.Key).Union(programmes.Select(p => p.Key))
            .ToDictionary(id => id, id => new StaffScope([.. offices[id]], [.. programmes[id]]));
    }

    /// <summary>The field offices an account can work for, in the order the registry lists them.</summary>
    public Task<List<OfficeChoice>> OfficesAsync() =>
        db.FieldOffices.AsNoTracking().OrderBy(o => o.Id).Select(o => new OfficeChoice(o.Code, o.Name)).ToListAsync();
}
