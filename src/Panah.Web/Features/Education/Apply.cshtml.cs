using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Education;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Features.Registry.Households;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education;

/// <summary>
/// A coordinator takes an application for Turkish classes: finds the household by its code (within the coordinator's
/// offices; the members come cut to what a coordinator sees), picks the applicant, the placement score or "beginner",
/// preferences and reasons for priority, and records the applicant's consent to education when it is given now.
/// The code travels in the form, never in the address.
/// </summary>
public sealed class ApplyModel(RegistryStore registry, ClassApplications applications, CourseStore courses, ConsentRules consent, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ApplyForm
    {
        public string? HouseholdCode { get; set; }
        public Guid? PersonId { get; set; }
        public int? PlacementScore { get; set; }
        public bool Beginner { get; set; }
        public int? SiteOfficeId { get; set; }
        public TimeOfDay? TimeOfDay { get; set; }
        public bool WomenOnly { get; set; }
        public int CrecheChildren { get; set; }
        public bool ResidencePermitNeedsTurkish { get; set; }
        public bool WorkNeedsTurkish { get; set; }
        public bool RepeatsLevel { get; set; }
        public bool ConsentGivenNow { get; set; }
    }

    /// <summary>A member as the form lists them: whether they are a candidate at all, and whether education is consented to.</summary>
    public sealed record Applicant(Guid Id, string Name, Sex Sex, AgeGroup? AgeGroup, bool Consented);

    [BindProperty] public ApplyForm Form { get; set; } = new();

    public string? HouseholdCode { get; private set; }
    public IReadOnlyList<Applicant> Members { get; private set; } = [];
    public IReadOnlyList<SiteChoice> Sites { get; private set; } = [];

    /// <summary>After a successful application: its level, and the sections of that level the coordinator can open the waitlist of.</summary>
    public ApplicationView? Applied { get; private set; }
    public IReadOnlyList<SectionView> WaitlistSections { get; private set; } = [];
    public bool AppliedWithoutConsent { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadSitesAsync(ct);

    public async Task<IActionResult> OnPostFindAsync(CancellationToken ct)
    {
        await FindAsync(ct);
        await LoadSitesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        if (!await FindAsync(ct))
        {
            return Page();
        }
        if (Members.FirstOrDefault(m => m.Id == Form.PersonId) is not { } applicant)
        {
            ModelState.AddModelError("Form.PersonId", l["Education.ChooseApplicant"]);
            return Page();
        }
        try
        {
            if (Form.ConsentGivenNow && !applicant.Consented)
            {
                await registry.GiveConsentAsync(applicant.Id, ConsentPurpose.Education, RegisterModel.NoticeVersion, ct);
            }
            Applied = await applications.ApplyAsync(new ApplicationInput(
                applicant.Id, Form.PlacementScore, Form.Beginner, Form.SiteOfficeId, Form.TimeOfDay, Form.WomenOnly, Form.CrecheChildren,
                Form.ResidencePermitNeedsTurkish, Form.WorkNeedsTurkish, Form.RepeatsLevel), ct);
            AppliedWithoutConsent = !applicant.Consented && !Form.ConsentGivenNow;
            var site = Form.SiteOfficeId;
            WaitlistSections = (await courses.SectionsAsync(ct))
                .Where(s => s.Level == Applied.Level && (site is null || s.FieldOfficeId == site) && s.Status is SectionStatus.Planned or SectionStatus.Running)
                .ToList();
            Form = new ApplyForm { HouseholdCode = Form.HouseholdCode };
            ModelState.Clear();
            await FindAsync(ct);
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, field => "Form." + char.ToUpperInvariant(field[0]) + field[1..]);
        }
        catch (KeyNotFoundException)
        {
            ModelState.AddModelError("Form.PersonId", l["Education.NoSuchPerson"]);
        }
        return Page();
    }

    /// <summary>The household of the typed code, read through the registry (scoped, cut, audited); false with an error when there is none.</summary>
    private async Task<bool> FindAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await registry.HouseholdIdAsync(Form.HouseholdCode, ct) is not { } id || await registry.GetHouseholdAsync(id, ct) is not { } household)
        {
            ModelState.AddModelError("Form.HouseholdCode", l["Education.NoSuchHousehold"]);
            return false;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        HouseholdCode = household.Code;
        Members = household.Members
            .Where(m => m.MergedIntoId is null && !m.IsErased)
            .Select(m => new Applicant(m.Id, m.Details.Name.Display, m.Details.Sex, m.AgeGroup, consent.MayUse(m.Details.Consents, ConsentPurpose.Education, today)))
            .ToList();
        return true;
    }

    private async Task LoadSitesAsync(CancellationToken ct) => Sites = await courses.SitesAsync(ct);
}
