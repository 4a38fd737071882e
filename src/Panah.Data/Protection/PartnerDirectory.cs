using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Protection;

public sealed record PartnerInput(string Name, IReadOnlyList<string> Services, string? DeskEmail, string? DeskPhone, bool Active);

/// <summary>
/// The directory of partner organisations. Every case worker reads it to refer; supervisors keep it (they answer
/// for whom their teams refer to). It holds organisations and their referral desks, nothing personal.
/// </summary>
public sealed class PartnerDirectory(PanahDbContext db, AccessScope scope, AuditLog audit, TimeProvider clock)
{
    public Task<List<Partner>> ListAsync(CancellationToken ct = default) => db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);

    public Task<Partner?> GetAsync(int id, CancellationToken ct = default) => db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Partner> AddAsync(PartnerInput input, CancellationToken ct = default)
    {
        var partner = new Partner { Name = "", Services = "" };
        Apply(partner, input);
        db.Partners.Add(partner);
        await SaveAsync(partner, "partner.add", ct);
        return partner;
    }

    /// <summary>Null when there is no such partner (404).</summary>
    public async Task<Partner?> UpdateAsync(int id, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
        {
            return null;
        }
        Apply(partner, input);
        await SaveAsync(partner, "partner.update", ct);
        return partner;
    }

    private void Apply(Partner partner, PartnerInput input)
    {
        if (scope.SupervisedTeamIds.Length == 0)
        {
            throw new CaseRefusedException("Protection.SupervisorOnly");
        }
        var services = input.Services.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(input.Name) || services.Count == 0 || services.Any(s => s.Contains(' ', StringComparison.Ordinal)))
        {
            throw new CaseRefusedException("Protection.PartnerInvalid");
        }
        partner.Name = input.Name.Trim();
        partner.Services = string.Join(' ', services);
        partner.DeskEmail = string.IsNullOrWhiteSpace(input.DeskEmail) ? null : input.DeskEmail.Trim();
        partner.DeskPhone = string.IsNullOrWhiteSpace(input.DeskPhone) ? null : input.DeskPhone.Trim();
        partner.Active = input.Active;
        partner.UpdatedAt = clock.GetUtcNow();
    }

    private async Task SaveAsync(Partner partner, string action, CancellationToken ct)
    {
        if (await db.Partners.AsNoTracking().AnyAsync(p => p.Name == partner.Name && p.Id != partner.Id, ct))
        {
            throw new CaseRefusedException("Protection.PartnerNameTaken");
        }
        await audit.SaveAsync(db, new AuditEvent(action, "partner", null, $"name={partner.Name}"), ct);
    }
}
