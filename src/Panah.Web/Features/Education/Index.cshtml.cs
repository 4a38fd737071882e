using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Education;

namespace Panah.Web.Features.Education;

/// <summary>The Turkish classes hub: the reader's sections (a teacher's own, a coordinator's offices'), and for coordinators the crèche demand.</summary>
public sealed class IndexModel(CourseStore courses, Waitlist waitlist) : PageModel
{
    public IReadOnlyList<SectionView> Sections { get; private set; } = [];
    public CrecheDemandView? Creche { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sections = await courses.SectionsAsync(ct);
        if (User.IsInRole(Data.Staff.Roles.EducationCoordinator))
        {
            Creche = await waitlist.CrecheDemandAsync(ct);
        }
    }
}
