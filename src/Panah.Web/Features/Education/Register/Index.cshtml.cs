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
/// the exam needs, or who has a follow-up call due, and the call's outcome recorded there. Sections and learners come
/// through the access scope.
/// </summary>
public sealed class IndexModel(AttendanceRegister register, FollowUpCalls calls, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionRegister Register { get; private set; } = null!;

    /// <summary>The marks posted, by enrolment id (form fields <c>Marks[{id}]</c>).</summary>
    [BindProperty] public Dictionary<Guid, Attendance> Marks { get; set; } = [];

    public static IReadOnlyList<Attendance> Choices { get; } = [Attendance.Present, Attendance.Late, Attendance.Excused, Attendance.Absent];

    public async Task<IActionResult> OnGetAsync(int section, int? session, CancellationToken ct)
    {
        return await register.OfSectionAsync(section, session, ct) is { } r ? Show(r) : NotFound();
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

    public static IReadOnlyList<FollowUpOutcome> Outcomes { get; } = [FollowUpOutcome.Reached, FollowUpOutcome.NotReached, FollowUpOutcome.WillReturn, FollowUpOutcome.Leaving];

    /// <summary>Records the outcome of a learner's follow-up call (a button of the register's form; the marks posted with it are not saved).</summary>
    public async Task<IActionResult> OnPostFollowUpAsync(int section, int session, Guid followUp, FollowUpOutcome outcome, CancellationToken ct)
    {
        try
        {
            if (await calls.RecordAsync(followUp, outcome, ct) is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l["FollowUp.Recorded", l["FollowUp.Outcome." + outcome]];
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
