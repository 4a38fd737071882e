using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education.Register;

/// <summary>
/// The teacher's register on a phone: today's session of a section, every learner present until tapped otherwise (one
/// tap per learner who is not), one button to save. Warnings beside a learner who can no longer reach the attendance
/// the exam needs, or who has a follow-up call due. Sections and learners come through the access scope.
/// </summary>
public sealed class IndexModel(AttendanceRegister register, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionRegister Register { get; private set; } = null!;

    /// <summary>The marks posted, by enrolment id (form fields <c>Marks[{id}]</c>).</summary>
    [BindProperty] public Dictionary<Guid, Attendance> Marks { get; set; } = [];

    public static IReadOnlyList<Attendance> Choices { get; } = [Attendance.Present, Attendance.Late, Attendance.Excused, Attendance.Absent];

    public async Task<IActionResult> OnGetAsync(int section, int? session, CancellationToken ct)
    {
        var id = session ?? await register.CurrentSessionAsync(section, ct);
        return id is { } s && await register.GetAsync(s, ct) is { } r && r.SectionId == section ? Show(r) : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int section, int session, CancellationToken ct)
    {
        try
        {
            if (await register.SaveAsync(session, Marks, ct) is not { } saved)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l["Register.Saved", saved.Marked, saved.Absent];
            return RedirectToPage(new { section, session });
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, _ => "");
        }
        return await register.GetAsync(session, ct) is { } r ? Show(r) : NotFound();
    }

    private PageResult Show(SessionRegister r)
    {
        Register = r;
        return Page();
    }
}
