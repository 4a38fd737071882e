using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;

namespace Panah.Web.Features.Access;

/// <summary>Ask for a household of another office to be shared, with a reason; decide the requests for one's own offices.</summary>
public sealed class ShareRequestsModel(ShareRequests requests, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class RequestInput
    {
        [Required, StringLength(20)] public string HouseholdCode { get; set; } = "";
        [Required, StringLength(AccessLimits.MaxReasonLength, MinimumLength = AccessLimits.MinReasonLength)] public string Reason { get; set; } = "";
    }

    [BindProperty] public RequestInput Input { get; set; } = new();

    public List<ShareRequestView> Mine { get; private set; } = [];
    public List<ShareRequestView> ToDecide { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                if (await requests.RequestAsync(Input.HouseholdCode, Input.Reason, ct) is null)
                {
                    ModelState.AddModelError("Input.HouseholdCode", l["No household has this code."]);
                }
                else
                {
                    return RedirectToPage();
                }
            }
            catch (AccessReasonException)
            {
                ModelState.AddModelError("Input.Reason", l["Write why you need this record (10 to 500 characters, plain text)."]);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool grant, long version, CancellationToken ct)
    {
        if (!await requests.DecideAsync(id, grant, version, ct))
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await requests.MineAsync(ct);
        ToDecide = await requests.ToDecideAsync(ct);
    }
}
