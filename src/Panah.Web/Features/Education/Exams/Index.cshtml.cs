using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education.Exams;

/// <summary>
/// A learner's level exam: the four skills' scores at the sitting, the verdict by the configured rule, the retake of a
/// failed skill within its days, and the certificate once passed (a PDF in Turkish and English).
/// </summary>
public sealed class IndexModel(ExamRecording exams, Certificates certificates, EducationOptions options, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public ExamView Exam { get; private set; } = null!;

    /// <summary>Scores posted by skill (form fields <c>Scores[Reading]</c> …).</summary>
    [BindProperty] public Dictionary<ExamSkill, decimal> Scores { get; set; } = [];

    [BindProperty] public DateOnly? TakenOn { get; set; }

    public decimal Maximum => options.Exam.SkillMaximum;

    public decimal SkillMinimum => ExamRule.SkillMinimum(options.Exam);

    public decimal PassMean => options.Exam.PassMean;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid enrolment, CancellationToken ct) =>
        await exams.GetAsync(enrolment, ct) is { } exam ? Show(exam) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid enrolment, CancellationToken ct)
    {
        try
        {
            if (await exams.RecordAsync(enrolment, Scores, TakenOn ?? Today, ct) is null)
            {
                return NotFound();
            }
            return RedirectToPage(new { enrolment });
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, _ => "");
        }
        return await exams.GetAsync(enrolment, ct) is { } exam ? Show(exam) : NotFound();
    }

    /// <summary>The certificate's PDF, with its verification address on this server.</summary>
    public async Task<IActionResult> OnGetCertificateAsync(Guid enrolment, CancellationToken ct)
    {
        if (await exams.GetAsync(enrolment, ct) is not { CertificateId: { } id })
        {
            return NotFound();
        }
        var printed = await certificates.PdfAsync(id, token => Url.PageLink("/Verify/Index", values: new { token })!, Labels("tr"), Labels("en"), ct);
        return printed is { } p ? File(p.Pdf, "application/pdf", $"certificate-{p.Number}.pdf") : NotFound();
    }

    private CertificateLabels Labels(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return new CertificateLabels(l["Certificate.Title"], l["Certificate.Certifies"], l["Certificate.Level"], l["Certificate.Hours"],
                l["Certificate.Date"], l["Certificate.Number"], l["Certificate.Verify"]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private PageResult Show(ExamView exam)
    {
        Exam = exam;
        return Page();
    }
}
