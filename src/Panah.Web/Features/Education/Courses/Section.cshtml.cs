using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education.Courses;

/// <summary>
/// One section for its coordinator: the timetable, filled from a weekly pattern, and the seats offered (with their
/// deadlines) and taken, where the coordinator records the applicant's accept or decline, or a learner's withdrawal.
/// </summary>
public sealed class SectionModel(CourseStore store, SectionRoster roster, Seats seats, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class TimetableForm
    {
        public List<DayOfWeek> Weekdays { get; set; } = [];
        public TimeOnly? StartsAt { get; set; }
        public decimal? Hours { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    [BindProperty] public TimetableForm Timetable { get; set; } = new();

    public SectionView Section { get; private set; } = null!;
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];
    public IReadOnlyList<LearnerView> Seated { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTimetableAsync(int id, CancellationToken ct)
    {
        if (await store.SectionAsync(id, ct) is not { } section)
        {
            return NotFound();
        }
        var t = Timetable;
        try
        {
            var pattern = new TimetablePattern(t.Weekdays, t.StartsAt ?? default, t.Hours ?? 0, t.From ?? section.StartsOn, t.To ?? section.EndsOn);
            if (t.StartsAt is null)
            {
                throw new FieldException("startsAt", "Education.FieldRequired");
            }
            if (await store.AddTimetableAsync(id, pattern, ct) is not { } added)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l["Education.SessionsAdded", added];
            return RedirectToPage(new { id });
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, field => "Timetable." + char.ToUpperInvariant(field[0]) + field[1..]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, Guid enrolmentId, CancellationToken ct) =>
        ActAsync(id, () => seats.AcceptAsync(enrolmentId, ct), "Education.OfferAccepted", ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, Guid enrolmentId, CancellationToken ct) =>
        ActAsync(id, () => seats.DeclineAsync(enrolmentId, ct), "Education.OfferDeclined", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, Guid enrolmentId, CancellationToken ct) =>
        ActAsync(id, () => seats.WithdrawAsync(enrolmentId, ct), "Education.SeatWithdrawn", ct);

    private async Task<IActionResult> ActAsync(int id, Func<Task<EnrolmentView?>> act, string done, CancellationToken ct)
    {
        if (await store.SectionAsync(id, ct) is null)
        {
            return NotFound();
        }
        try
        {
            if (await act() is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l[done];
            return RedirectToPage(new { id });
        }
        catch (EnrolmentRefusedException e)
        {
            ModelState.AddModelError("", l[e.Code]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await seats.RefreshAsync(id, ct);
        if (await store.SectionAsync(id, ct) is not { } section || await roster.LearnersAsync(id, ct) is not { } learners)
        {
            return false;
        }
        (Section, Sessions, Seated) = (section, await store.SessionsAsync(id, ct), learners);
        Response.Headers.CacheControl = "no-store";
        return true;
    }
}
