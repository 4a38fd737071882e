using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>
/// One cycle: who its rule selects, generation, the totals by commodity and tonnage a second manager approves after
/// seeing, closing, and the adjustments a change of household size proposes.
/// </summary>
public sealed class DetailsModel(CycleStore store, CycleGeneration generation, CycleGenerationRunner runner, ActingStaff staff, EntitlementLifecycle lifecycle, PanahDbContext db, IActor actor, IStringLocalizer<SharedResource> l) : PageModel
{
    public CycleView Cycle { get; private set; } = null!;
    public EligibilityPreview Preview { get; private set; } = new(0, 0);
    public CycleTotals? Totals { get; private set; }
    public List<AdjustmentView> Adjustments { get; private set; } = [];
    public Dictionary<int, string> CommodityNames { get; private set; } = [];
    public string? GeneratedByEmail { get; private set; }
    public string? ApprovedByEmail { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The generation started from this page, under way or finished since the server started.</summary>
    public CycleGenerationStatus? Generation { get; private set; }

    /// <summary>This staff member generated the entitlements, so another manager must approve them.</summary>
    public bool IsGenerator => string.Equals(Cycle.GeneratedBy, staff.Id, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Starts the generation in the background and shows the page, which follows its progress (50,000 households take seconds).</summary>
    public async Task<IActionResult> OnPostGenerateAsync(int id, long version, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null)
        {
            return NotFound();
        }
        runner.Start(id, version, User, actor);
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostApproveAsync(int id, long version, CancellationToken ct) =>
        ActAsync(id, async () => l["Approved {0} entitlements.", (await generation.ApproveAsync(id, version, ct)).ToString("N0")], ct);

    public Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () => l["{0} adjustments proposed.", (await lifecycle.CheckForChangesAsync(id, ct)).ToString("N0")], ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        ActAsync(id, async () => l["Cycle closed; {0} entitlements expired.", (await lifecycle.CloseAsync(id, ct)).ToString("N0")], ct);

    public Task<IActionResult> OnPostDecideAsync(int id, Guid adjustment, bool accept, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            await lifecycle.DecideAsync(adjustment, accept, ct);
            return accept ? l["Adjustment accepted."] : l["Adjustment rejected."];
        }, ct);

    /// <summary>Cancels the entitlement of the household with this code in this cycle (a draft or an approved one, nothing collected), with a reason.</summary>
    public Task<IActionResult> OnPostCancelAsync(int id, string? household, string? reason, CancellationToken ct) =>
        ActAsync(id, async () =>
        {
            var code = household?.Trim();
            var entitlement = string.IsNullOrEmpty(code) ? null : await db.Entitlements.AsNoTracking()
                .Where(e => e.CycleId == id && db.Households.Any(h => h.Id == e.HouseholdId && h.Code == code))
                .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
            if (entitlement is not { } found)
            {
                throw new FieldException("", "Entitlement.NoSuchHousehold");
            }
            await lifecycle.CancelAsync(found, reason ?? "", ct);
            return l["Entitlement.Cancelled"];
        }, ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<LocalizedString>> action, CancellationToken ct)
    {
        try
        {
            Message = await action();
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, FieldErrors.Input);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } cycle)
        {
            return false;
        }
        Cycle = cycle;
        Generation = runner.Status(id);
        // A refused generation always says why, even when another message (an earlier action's) is shown too.
        if (Generation is { Running: false, Error: { } error })
        {
            ModelState.AddModelError("", RegistryMapping.Translate(l, error));
        }
        else if (Generation is { Running: false, Made: { } made } && Message is null)
        {
            Message = l["Generated entitlements for {0} households, {1} people.", made.Households.ToString("N0"), made.People.ToString("N0")];
        }
        Preview = await store.PreviewAsync(cycle.Eligibility, ct);
        if (cycle.Status != CycleStatus.Draft)
        {
            Totals = await store.TotalsAsync(id, ct);
            Adjustments = await lifecycle.ProposedAsync(id, ct);
        }
        CommodityNames = await db.Commodities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var staff = new[] { cycle.GeneratedBy, cycle.ApprovedBy }.OfType<string>().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => staff.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        GeneratedByEmail = cycle.GeneratedBy is { } g ? emails.GetValueOrDefault(g) ?? g : null;
        ApprovedByEmail = cycle.ApprovedBy is { } a ? emails.GetValueOrDefault(a) ?? a : null;
        return true;
    }
}
