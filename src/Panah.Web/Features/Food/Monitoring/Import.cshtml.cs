using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>
/// Imports a CSV of survey answers for a cycle's sample. All or nothing: a file with any bad row writes nothing,
/// and the report lists every bad row (line, column, problem); a file refused whole (encoding, columns, size) says why.
/// </summary>
public sealed class ImportModel(PdmSurveys surveys, MonitoringOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Cycle { get; set; }

    public string? Refused { get; private set; }
    public IReadOnlyList<CsvRowError> Errors { get; private set; } = [];
    public int? Imported { get; private set; }
    public int MaxRows => options.ImportMaxRows;

    public void OnGet()
    {
    }

    /// <summary>The template: the header row only.</summary>
    public IActionResult OnGetTemplate() => File(PdmCsv.Template(), "text/csv; charset=utf-8", "pdm-survey-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Refused = PdmCsv.Empty;
            return Page();
        }
        if (file.Length > options.ImportMaxBytes)
        {
            Refused = PdmCsv.TooLarge;
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var read = PdmCsv.Read(buffer.ToArray(), options.ImportMaxRows);
        if (read.Refused is not null)
        {
            Refused = read.Refused;
            return Page();
        }
        // Written only when every row reads well; either way every row is checked against the sample, so one report lists all.
        var batch = await surveys.SubmitAllAsync(Cycle, [.. read.Rows.Select(r => r.Survey)], ct, write: read.Errors.Count == 0);
        if (!batch.Written)
        {
            Errors = [.. read.Errors.Concat(read.Rows.Zip(batch.Rows).SelectMany(x => RowErrors(x.First.Line, x.Second))).Distinct().OrderBy(e => e.Line)];
            return Page();
        }
        Imported = batch.Rows.Count;
        return Page();
    }

    private static IEnumerable<CsvRowError> RowErrors(int line, SurveyResult result) => result.Outcome switch
    {
        SurveyOutcome.NotInSample => [new(line, PdmCsv.HouseholdColumn, "Pdm.Error.NotInSample")],
        SurveyOutcome.AlreadySurveyed => [new(line, PdmCsv.HouseholdColumn, "Pdm.AlreadySurveyed")],
        // The same check as the file's reading, which reported it already.
        SurveyOutcome.Invalid => [],
        _ => [],
    };
}
