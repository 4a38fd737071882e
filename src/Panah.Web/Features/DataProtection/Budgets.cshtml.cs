using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Budgets;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// Read budgets for the data protection officer: the accounts blocked for crossing theirs, with this hour's and
/// today's counts, a lift for each; and the budgets of service accounts, which only this page grants.
/// </summary>
public sealed class BudgetsModel(ReadBudgets budgets, PanahDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class GrantInput
    {
        [Required] public string AccountId { get; set; } = "";
        [Range(1, 1_000_000)] public int PerHour { get; set; } = 1000;
        [Range(1, 10_000_000)] public int PerDay { get; set; } = 10000;
    }

    /// <summary>A blocked account as this page shows it.</summary>
    public sealed record BlockRow(string StaffUserId, string? Email, DateTimeOffset BlockedAt, string? Detail, long Hour, long Day);

    /// <summary>A service account, its budget and whether the officer granted it.</summary>
    public sealed record ServiceRow(string StaffUserId, string? Email, ReadAllowance Allowance, bool Granted, long Hour, long Day);

    [BindProperty] public GrantInput Input { get; set; } = new();

    public List<BlockRow> Blocks { get; private set; } = [];
    public List<ServiceRow> Services { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostLiftAsync(string id)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (id == me)
        {
            // The officer's own reading is what the block is about: another officer lifts it.
            ModelState.AddModelError("", l["Budgets.NotOwnBlock"]);
            await LoadAsync();
            return Page();
        }
        await budgets.LiftAsync(id, me, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostGrantAsync()
    {
        if (Input.PerDay < Input.PerHour)
        {
            ModelState.AddModelError("Input.PerDay", l["Budgets.DayBelowHour"]);
        }
        if (ModelState.IsValid && !await budgets.GrantAsync(Input.AccountId, new ReadAllowance(Input.PerHour, Input.PerDay), User.FindFirstValue(ClaimTypes.NameIdentifier)!, HttpContext.RequestAborted))
        {
            ModelState.AddModelError("Input.AccountId", l["Choose a service account. A person issues their own tokens."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var blocks = await db.ReadBlocks.AsNoTracking().Where(b => b.LiftedAt == null)
            .Join(db.Users, b => b.StaffUserId, u => u.Id, (b, u) => new { b.StaffUserId, u.Email, b.BlockedAt, b.Detail })
            .ToListAsync(ct);
        foreach (var b in blocks.OrderByDescending(b => b.BlockedAt))
        {
            var (hour, day) = await budgets.UsageAsync(b.StaffUserId, ct);
            Blocks.Add(new BlockRow(b.StaffUserId, b.Email, b.BlockedAt, b.Detail, hour, day));
        }
        var services = await db.Users.AsNoTracking().Where(u => u.IsServiceAccount && !u.IsDisabled).OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var granted = await db.ServiceReadBudgets.AsNoTracking().Select(g => g.StaffUserId).ToListAsync(ct);
        foreach (var s in services)
        {
            var (hour, day) = await budgets.UsageAsync(s.Id, ct);
            Services.Add(new ServiceRow(s.Id, s.Email, await budgets.AllowanceAsync(s.Id, [], isService: true, ct), granted.Contains(s.Id), hour, day));
        }
    }
}
