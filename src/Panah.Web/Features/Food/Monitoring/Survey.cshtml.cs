using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>
/// The enumerator's phone form for one sampled household. The answers are sealed as they are saved; nothing of
/// them is shown again (the dashboard shows aggregates only).
/// </summary>
public sealed class SurveyModel(PdmSurveys surveys, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Cycle { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Household { get; set; }

    /// <summary>What was typed, by field name, so a form with errors comes back as it was posted.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public string Value(string name) => Values.GetValueOrDefault(name, "");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Values = PdmFields.All.ToDictionary(n => n, n => Request.Form[n].ToString());
        var (answers, errors) = PdmFields.Parse(n => Values.GetValueOrDefault(n));
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Question, l[e.Message]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await surveys.SubmitAsync(Cycle, new SurveyInput(Household, null, answers), ct);
        switch (result.Outcome)
        {
            case SurveyOutcome.Saved:
                return Redirect($"/Food/Monitoring/Sample?cycle={Cycle}");
            case SurveyOutcome.NotInSample:
                return NotFound();
            case SurveyOutcome.AlreadySurveyed:
                ModelState.AddModelError("", l["Pdm.AlreadySurveyed"]);
                break;
            default:
                foreach (var e in result.Errors ?? [])
                {
                    ModelState.AddModelError(e.Question, l[e.Message]);
                }
                break;
        }
        return Page();
    }
}
