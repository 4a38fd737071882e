using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Matching;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Registry.Households;

/// <summary>Registers a household and all its members in one form, built for a phone screen and a weak connection (no script needed).</summary>
public sealed class RegisterModel(RegistryStore store, PanahDbContext db, MatchCheck matches, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const string NoticeVersion = "2026-1";

    [BindProperty]
    public HouseholdInput Input { get; set; } = new();

    /// <summary>Set by the officer after looking at the likely matches: register anyway.</summary>
    [BindProperty]
    public bool ConfirmedNotDuplicates { get; set; }

    public List<FieldOffice> Offices { get; private set; } = [];

    /// <summary>False while the match index is still being built after start-up.</summary>
    public bool MatchCheckReady => matches.IsReady;

    /// <summary>Likely matches per member index, shown before anything is saved; one in another office shows only where it is.</summary>
    public Dictionary<int, List<RegistryMatch>> Matches { get; } = [];

    public async Task OnGetAsync()
    {
        Input.Members.Add(new PersonInput { Relationship = "head" });
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAddMemberAsync()
    {
        ModelState.Clear();
        Input.Members.Add(new PersonInput { Relationship = "child" });
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(int index)
    {
        ModelState.Clear();
        if (index > 0 && index < Input.Members.Count)
        {
            Input.Members.RemoveAt(index);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.Members.ForEach(RegistryMapping.DropBlankRows);
        var map = new RegistryMapping();
        var household = map.Household(Input);
        var members = map.Members(Input.Members);
        map.WithRuleErrors(RegistryValidator.Validate(household, members, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        var office = await db.FieldOffices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == Input.FieldOffice, ct);
        office = office is not null && db.Scope.CoversOffice(office.Id) ? office : null;
        ModelState.AddFieldErrors(map.Errors, l, FieldErrors.Input);
        if (office is null)
        {
            ModelState.AddModelError("Input.FieldOffice", l["FieldOffice.Unknown"]);
        }
        if (ModelState.ErrorCount == 0 && !ConfirmedNotDuplicates && await FindLikelyMatchesAsync(members, household.Address, ct))
        {
            await LoadAsync();
            return Page();
        }
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                var view = await store.RegisterAsync(office!.Id, household, members, ct);
                TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Household {0} registered."], view.Code);
                return RedirectToPage("Details", new { id = view.Id });
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, FieldErrors.Input);
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task<bool> FindLikelyMatchesAsync(List<PersonDetails> members, string? address, CancellationToken ct)
    {
        var found = await matches.CheckAsync(members, address, top: 3, minimumProbability: 0.3, ct);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Count > 0)
            {
                Matches[i] = found[i];
            }
        }
        return Matches.Count > 0;
    }

    /// <summary>The officer registers in their own offices only.</summary>
    private async Task LoadAsync() => Offices = (await db.FieldOffices.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Where(o => db.Scope.CoversOffice(o.Id)).ToList();
}
