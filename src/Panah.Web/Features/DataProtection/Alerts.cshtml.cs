using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Panah.Data;
using Panah.Data.Alerts;

namespace Panah.Web.Features.DataProtection;

/// <summary>The open alerts for the data protection officer (read budgets crossed, break-glass openings …), each resolved once dealt with.</summary>
public sealed class AlertsModel(AlertLog alerts, PanahDbContext db) : PageModel
{
    /// <summary>An alert as this page shows it: the account by its email, the detail as recorded (counts and ids).</summary>
    public sealed record AlertRow(long Id, DateTimeOffset RaisedAt, string Kind, string? StaffUserId, string? Email, string? Detail);

    public List<AlertRow> Open { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var open = await alerts.OpenAsync(ct);
        var ids = open.Where(a => a.StaffUserId is not null).Select(a => a.StaffUserId!).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        Open = open.Select(a => new AlertRow(a.Id, a.RaisedAt, a.Kind, a.StaffUserId, a.StaffUserId is { } s ? emails.GetValueOrDefault(s) : null, a.Detail)).ToList();
    }

    public async Task<IActionResult> OnPostResolveAsync(long id)
    {
        await alerts.ResolveAsync(id, HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
