using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Protection;
using Panah.Core.Registry;
using Panah.Data.Protection;
using Panah.Data.Registry;

namespace Panah.Web.Features.Protection;

/// <summary>
/// Opening a case, from a registered person (the registry suggests it for an unaccompanied or separated child, a
/// woman-headed household or a woman or girl at risk) or directly with a name. The person is read through the registry's scope.
/// </summary>
public sealed class OpenModel(CaseStore store, RegistryStore registry, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public CaseType Type { get; set; } = CaseType.ChildUnaccompanied;

    [BindProperty]
    public RiskLevel Risk { get; set; } = RiskLevel.High;

    [BindProperty, StringLength(200)]
    public string? Name { get; set; }

    [BindProperty, StringLength(4000)]
    public string? Summary { get; set; }

    [BindProperty]
    public bool ReportingConsent { get; set; }

    /// <summary>The registered person's name, when the case is opened from the registry.</summary>
    public string? PersonName { get; private set; }

    public List<CaseExistence> Existing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PersonId is { } id)
        {
            if (await registry.GetPersonAsync(id, ct) is not { } person)
            {
                return NotFound();
            }
            PersonName = person.Details.Name.Display;
            Type = SuggestedType(person.Details.Vulnerabilities);
            Existing = await store.ExistenceAsync(id, ct);
        }
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Type) || !Enum.IsDefined(Risk))
        {
            return Page();
        }
        try
        {
            var opened = await store.OpenAsync(new OpenCaseInput(PersonId, Type, Risk, Name, Summary, ReportingConsent), ct);
            return Redirect($"/Protection/Case/{opened.Id}");
        }
        catch (CaseRefusedException e)
        {
            ModelState.AddModelError(string.Empty, l[e.Code]);
            return Page();
        }
    }

    /// <summary>The case type the person's specific needs point to.</summary>
    private static CaseType SuggestedType(Vulnerability needs) =>
        needs.HasFlag(Vulnerability.UnaccompaniedChild) ? CaseType.ChildUnaccompanied
        : needs.HasFlag(Vulnerability.SeparatedChild) ? CaseType.ChildSeparated
        : needs.HasFlag(Vulnerability.WomanOrGirlAtRisk) || needs.HasFlag(Vulnerability.WomanHeadedHousehold) ? CaseType.WomanAtRisk
        : CaseType.ChildOtherRisk;
}
