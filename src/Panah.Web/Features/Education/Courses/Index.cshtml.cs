using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education.Courses;

/// <summary>
/// The coordinator's design work: the courses per level with their guided hours, and the sections at the coordinator's
/// offices, each with a site, a teacher of that site, seats, crèche places, time of day and dates.
/// </summary>
public sealed class IndexModel(CourseStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class CourseForm
    {
        public CefrLevel Level { get; set; } = CefrLevel.A1;
        public string? Name { get; set; }
        public int? GuidedHours { get; set; }
    }

    public sealed class SectionForm
    {
        public int? CourseId { get; set; }
        public int? FieldOfficeId { get; set; }
        public string? Name { get; set; }
        public string? TeacherId { get; set; }
        public int? Capacity { get; set; }
        public int? MinimumToOpen { get; set; }
        public bool WomenOnly { get; set; }
        public int CrechePlaces { get; set; }
        public TimeOfDay TimeOfDay { get; set; } = TimeOfDay.Morning;
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
    }

    [BindProperty] public CourseForm Course { get; set; } = new();
    [BindProperty] public SectionForm Section { get; set; } = new();

    public IReadOnlyList<CourseView> Courses { get; private set; } = [];
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];
    public IReadOnlyList<SiteChoice> Sites { get; private set; } = [];
    public IReadOnlyList<TeacherChoice> Teachers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCourseAsync(CancellationToken ct)
    {
        try
        {
            await store.AddCourseAsync(Course.Level, Course.Name, Course.GuidedHours ?? 0, ct);
            TempData["Flash"] = (string)l["Education.CourseAdded"];
            return RedirectToPage();
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, field => "Course." + Pascal(field));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSectionAsync(CancellationToken ct)
    {
        var s = Section;
        if (s.CourseId is null || s.FieldOfficeId is null || s.Capacity is null || s.StartsOn is null || s.EndsOn is null)
        {
            ModelState.AddModelError("", l["Education.FieldRequired"]);
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var section = await store.AddSectionAsync(new SectionInput(
                s.CourseId.Value, s.FieldOfficeId.Value, s.Name ?? "", string.IsNullOrWhiteSpace(s.TeacherId) ? null : s.TeacherId, s.Capacity.Value,
                s.MinimumToOpen, s.WomenOnly, s.CrechePlaces, s.TimeOfDay, s.StartsOn.Value, s.EndsOn.Value), ct);
            TempData["Flash"] = (string)l["Education.SectionAdded"];
            return RedirectToPage("Section", new { id = section.Id });
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, field => "Section." + Pascal(field));
        }
        await LoadAsync(ct);
        return Page();
    }

    private static string Pascal(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    private async Task LoadAsync(CancellationToken ct)
    {
        Courses = await store.CoursesAsync(ct);
        Sections = await store.SectionsAsync(ct);
        Sites = await store.SitesAsync(ct);
        Teachers = await store.TeachersAsync(ct);
    }
}
