using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data.DataProtection;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// Subject access: everything Panah holds about one person, who viewed or changed it and to whom it was sent, as a
/// printable page in the person's language (chosen here, whatever language the officer reads Panah in).
/// </summary>
public sealed class SubjectAccessModel(SubjectAccess access, ConsentRules rules, IStringLocalizerFactory localizers) : PageModel
{
    public static readonly IReadOnlyList<string> Languages = ["en", "tr", "ug"];

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }

    public SubjectAccessReport? Report { get; private set; }
    public List<(ConsentPurpose Purpose, LegalBasis Basis, bool MayUse)> Purposes { get; } = [];

    /// <summary>The report's strings, in the report's language.</summary>
    public CultureLocalizer Text { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Lang = Languages.Contains(Lang) ? Lang : Languages.FirstOrDefault(l => l == CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? "en";
        Text = new CultureLocalizer(localizers.Create(typeof(SharedResource)), Formats.Culture(Lang!));
        if (Id is not { } id)
        {
            return Page();
        }
        Report = await access.ReportAsync(id, "page:" + Lang, ct);
        if (Report is null)
        {
            return NotFound();
        }
        var today = DateOnly.FromDateTime(Report.ProducedAt.UtcDateTime);
        Purposes.AddRange(Enum.GetValues<ConsentPurpose>().Select(p => (p, rules.BasisOf(p), rules.MayUse(Report.Person.Details.Consents, p, today))));
        return Page();
    }

    /// <summary>An audit action in the report's language, or its code when it has no wording yet (a later feature's action).</summary>
    public string ActionText(string action) => Text["Action." + action] is { ResourceNotFound: false } s ? s.Value : action;
}
