using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// The audit trail for the data protection officer: who did what to which record, when, from where, and which
/// people an entry names; filtered by staff member, person, action and time (UTC). The filter is posted and never
/// enters a URL; the pager and the CSV export re-post it. An export is itself audited, with the filter it used.
/// </summary>
public sealed class AuditModel(AuditTrail trail, AuditLog audit, PanahDbContext db) : PageModel
{
    private const int PageSize = 50;
    private static readonly string[] ExportColumns = ["id", "at_utc", "actor", "staff_email", "action", "entity_type", "entity_id", "origin", "detail", "people"];

    // Staff ids and action names are short; a longer filter is a malformed post, not a search.
    [BindProperty, StringLength(64)] public string? StaffUserId { get; set; }
    [BindProperty] public Guid? Person { get; set; }
    [BindProperty, StringLength(100)] public string? ActionName { get; set; }
    [BindProperty] public DateTime? From { get; set; }
    [BindProperty] public DateTime? To { get; set; }
    [BindProperty(Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<AuditRow> Result { get; private set; } = null!;
    public List<AuditStaffOption> Staff { get; private set; } = [];
    public List<string> Actions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await OnPostAsync(ct);
        }
        var filter = Filter();
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var rows = 0;
        using (var writer = CsvText.Writer(text, ExportColumns))
        {
            await foreach (var r in trail.ExportAsync(filter, ct))
            {
                using var row = writer.NewRow();
                row["id"].Format(r.Id);
                row["at_utc"].Set(r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                row["actor"].Set(CsvText.Safe(r.Actor));
                row["staff_email"].Set(CsvText.Safe(r.StaffEmail));
                row["action"].Set(CsvText.Safe(r.Action));
                row["entity_type"].Set(CsvText.Safe(r.EntityType));
                row["entity_id"].Set(CsvText.Safe(r.EntityId));
                row["origin"].Set(CsvText.Safe(r.Origin));
                row["detail"].Set(CsvText.Safe(r.Detail));
                row["people"].Set(string.Join(' ', r.People));
                rows++;
            }
        }
        await audit.SaveAsync(db, new AuditEvent("audit.export", "audit", null, Describe(filter, rows)), ct);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "audit.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Show the form again with its errors and no rows rather than search for half a filter.
            StaffUserId = ActionName = null;
            Person = null;
            From = To = null;
        }
        var filter = Filter();
        Result = await trail.SearchAsync(filter, PageNumber, PageSize, ct);
        Staff = await trail.StaffAsync(ct);
        Actions = await trail.ActionsAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("audit.search", "audit", null, Describe(filter, Result.Items.Count)), ct);
    }

    private AuditFilter Filter() => new(string.IsNullOrWhiteSpace(StaffUserId) ? null : StaffUserId, Person, string.IsNullOrWhiteSpace(ActionName) ? null : ActionName,
        From is { } from ? new DateTimeOffset(DateTime.SpecifyKind(from, DateTimeKind.Utc)) : null,
        To is { } to ? new DateTimeOffset(DateTime.SpecifyKind(to, DateTimeKind.Utc)) : null);

    /// <summary>The filter as ids and times only, for the audit entry of this view or export.</summary>
    private static string Describe(AuditFilter f, int rows) => string.Join(' ', new[]
    {
        f.StaffUserId is { } s ? "staff=" + s : null,
        f.Person is { } p ? "person=" + p : null,
        f.Action is { } a ? "action=" + a : null,
        f.From is { } from ? "from=" + from.ToString("O", CultureInfo.InvariantCulture) : null,
        f.To is { } to ? "to=" + to.ToString("O", CultureInfo.InvariantCulture) : null,
        "rows=" + rows.ToString(CultureInfo.InvariantCulture),
    }.OfType<string>());
}
