using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Data;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Collectors;

/// <summary>
/// A household's alternate collectors, reached from the household page: name a member of the household, or a person of
/// another household found by its code, with the date they consented; withdraw one. The registration officer does it,
/// who registers the people and takes their consents. Everything comes through the data layer's scope and audit.
/// </summary>
public sealed class IndexModel(AlternateCollectorStore collectors, RegistryStore registry, PanahDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NameInput
    {
        public Guid? PersonId { get; set; }
        public DateOnly? ConsentedOn { get; set; }
        public string? OtherHouseholdCode { get; set; }
    }

    /// <summary>Someone who may be named: a person of this household (not its head) or of the household looked up.</summary>
    public sealed record Candidate(Guid Id, string HouseholdCode, PersonName? Name);

    [BindProperty] public NameInput Input { get; set; } = new();

    public HouseholdView Household { get; private set; } = null!;
    public IReadOnlyList<AlternateCollectorView> Named { get; private set; } = [];
    public List<Candidate> Candidates { get; private set; } = [];

    /// <summary>The latest consent date the form offers.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, null, ct) ? Page() : NotFound();

    /// <summary>Adds the members of the household with the code typed to the people who may be named.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid id, CancellationToken ct)
    {
        var code = Input.OtherHouseholdCode?.Trim();
        var other = string.IsNullOrEmpty(code) ? null : await db.Households.AsNoTracking().Where(h => h.Code == code && h.Id != id).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (other is null)
        {
            ModelState.AddModelError("Input.OtherHouseholdCode", l["Collectors.NoSuchHousehold"]);
        }
        return await LoadAsync(id, other, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostNameAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await collectors.NameAsync(id, Input.PersonId, Input.ConsentedOn, ct);
            TempData["Flash"] = (string)l["Collectors.Named"];
            return RedirectToPage(new { id });
        }
        catch (FieldException e)
        {
            // The store names fields as the API spells them (personId); the form's are Input.PersonId.
            ModelState.AddFieldErrors(e, l, field => FieldErrors.Input(char.ToUpperInvariant(field[0]) + field[1..]));
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid person, CancellationToken ct)
    {
        if (!await collectors.WithdrawAsync(id, person, ct))
        {
            return NotFound();
        }
        TempData["Flash"] = (string)l["Collectors.Withdrawn"];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id, Guid? other, CancellationToken ct)
    {
        if (await registry.GetHouseholdAsync(id, ct) is not { } household)
        {
            return false;
        }
        Household = household;
        Named = await collectors.ListAsync(id, ct) ?? [];
        Candidates = Members(household).ToList();
        if (other is { } otherId && await registry.GetHouseholdAsync(otherId, ct) is { } found)
        {
            Candidates.AddRange(Members(found));
        }
        return true;
    }

    private static IEnumerable<Candidate> Members(HouseholdView h) => h.Members
        .Where(m => m.MergedIntoId is null && !m.IsErased && m.Details.Relationship != Relationship.Head)
        .Select(m => new Candidate(m.Id, h.Code, m.Details.Name));
}
