using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;
using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>
/// The partner organisations cases are referred to, with the services each offers. Every case worker reads the list;
/// a supervisor adds and keeps partners (the directory refuses anyone else, and the page says so).
/// </summary>
public sealed class PartnersModel(PartnerDirectory partners, AccessScope scope, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Partner> Partners { get; private set; } = [];

    /// <summary>Whether the reader supervises a team (the forms are shown; the directory decides).</summary>
    public bool Keeps => scope.SupervisedTeamIds.Length > 0;

    [BindProperty] public PartnerForm Form { get; set; } = new();

    public string? Message { get; private set; }

    public sealed class PartnerForm
    {
        public int Id { get; set; }
        public string? Name { get; set; }
        public string? Services { get; set; }
        public string? DeskEmail { get; set; }
        public string? DeskPhone { get; set; }
        public bool Active { get; set; } = true;

        public PartnerInput ToInput() => new(Name ?? "", (Services ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries), DeskEmail, DeskPhone, Active);
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ActAsync(async () => await partners.AddAsync(Form.ToInput(), ct) is not null, ct);

    public Task<IActionResult> OnPostUpdateAsync(CancellationToken ct) => ActAsync(async () => await partners.UpdateAsync(Form.Id, Form.ToInput(), ct) is not null, ct);

    private async Task<IActionResult> ActAsync(Func<Task<bool>> change, CancellationToken ct)
    {
        try
        {
            if (!await change())
            {
                return NotFound();
            }
            return Redirect("/Protection/Partners");
        }
        catch (CaseRefusedException e)
        {
            Message = l[e.Code];
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Partners = await partners.ListAsync(ct);
        Response.Headers.CacheControl = "no-store";
    }
}
