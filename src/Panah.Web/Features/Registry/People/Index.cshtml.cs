using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Registry;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry.People;

/// <summary>Browse people by district, sex, age group and specific need.</summary>
public sealed class IndexModel(RegistryStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public Sex? Sex { get; set; }
    [BindProperty(SupportsGet = true)] public AgeGroup? AgeGroup { get; set; }
    [BindProperty(SupportsGet = true)] public Vulnerability? Vulnerability { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Page<PersonView> Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await store.ListPeopleAsync(new PeopleFilter(District, Sex, AgeGroup, Vulnerability), PageNumber, 25, ct);

    public string PageUrl(int page) => QueryString.Create((KeyValuePair<string, string?>[])[
        new("district", District), new("sex", Sex?.ToString()), new("ageGroup", AgeGroup?.ToString()),
        new("vulnerability", Vulnerability?.ToString()), new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))]).ToString();
}
