using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Education;

namespace Panah.Web.Features.Education;

/// <summary>A section's learners: its teacher's or a coordinator's of its office; any other section is not found.</summary>
public sealed class LearnersModel(CourseStore courses, SectionRoster roster) : PageModel
{
    public SectionView Section { get; private set; } = null!;
    public IReadOnlyList<LearnerView> Learners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await roster.LearnersAsync(id, ct) is not { } learners || await courses.SectionAsync(id, ct) is not { } section)
        {
            return NotFound();
        }
        (Section, Learners) = (section, learners);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
