using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Imports;
using Panah.Core.Registry;
using Panah.Data.Imports;
using Panah.Data.Validation;

namespace Panah.Web.Features.Imports;

/// <summary>
/// One import job (its id in the route, never a person's data): the mapping screen (each column → a Panah field, the
/// form's answers → Panah's values), dry run, the report (first <see cref="Shown"/> rows here, all of them as XLSX),
/// the progress bar while it runs (polled by /js/imports.js), commit and cancel.
/// </summary>
public sealed class JobModel(ImportJobs jobs, ImportWorker worker, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int Shown = 200;

    /// <summary>Empty answer rows offered per enum field, for answers the mapping does not have yet.</summary>
    private const int BlankAnswers = 3;

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<ColumnChoice> Columns { get; set; } = [];
    [BindProperty] public List<AnswerChoice> Answers { get; set; } = [];

    public ImportJobView Job { get; private set; } = null!;
    public List<ImportReportRow> Report { get; private set; } = [];
    public string? Refused { get; private set; }

    public sealed class ColumnChoice
    {
        public string Name { get; set; } = "";
        public string? Field { get; set; }
    }

    public sealed class AnswerChoice
    {
        public string Field { get; set; } = "";
        public string? Answer { get; set; }
        public string? Value { get; set; }
    }

    /// <summary>The fields whose answers a form may write its own way, and Panah's values for each (with their label keys).</summary>
    public static readonly IReadOnlyDictionary<string, (string Value, string Label)[]> EnumFields = new Dictionary<string, (string, string)[]>
    {
        [ImportFields.Sex] = [("male", "Sex.male"), ("female", "Sex.female"), ("unknown", "Sex.unknown")],
        [ImportFields.Relationship] = Enum.GetValues<Relationship>().Select(r => (Camel(r.ToString()), "Relationship." + Camel(r.ToString()))).ToArray(),
        [ImportFields.NameScript] = NameScripts.All.Select(s => (s.Tag(), s.Tag())).ToArray(),
        [ImportFields.Consent] = [("yes", "Yes"), ("no", "No")],
    };

    public static IReadOnlyList<string> Fields { get; } = [.. ImportFields.Household, .. ImportFields.Member];

    public bool Running => Job.Status is ImportJobStatus.DryRunning or ImportJobStatus.Committing;

    public bool CanMap => Job.Status is ImportJobStatus.Uploaded or ImportJobStatus.DryRunDone or ImportJobStatus.Failed;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetReportAsync(CancellationToken ct)
    {
        if (await jobs.ReportAsync(Id, ct: ct) is not { } rows)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(ImportsApi.Xlsx(rows, l), ImportsApi.XlsxType, "import-report.xlsx");
    }

    public async Task<IActionResult> OnPostMappingAsync(CancellationToken ct)
    {
        var mapping = new ImportMapping
        {
            Columns = Columns.Where(c => !string.IsNullOrWhiteSpace(c.Name)).GroupBy(c => c.Name.Trim()).ToDictionary(g => g.Key, g => g.First().Field?.Trim() ?? ""),
            Values = Answers.Where(a => !string.IsNullOrWhiteSpace(a.Answer) && !string.IsNullOrWhiteSpace(a.Value) && a.Field is not null && EnumFields.ContainsKey(a.Field))
                .GroupBy(a => a.Field)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.GroupBy(a => a.Answer!.Trim()).ToDictionary(x => x.Key, x => x.First().Value!.Trim())),
        };
        return await ActAsync(() => jobs.SetMappingAsync(Id, mapping, ct), ct);
    }

    public Task<IActionResult> OnPostDryRunAsync(CancellationToken ct) => StartAsync(commit: false, ct);

    public Task<IActionResult> OnPostCommitAsync(CancellationToken ct) => StartAsync(commit: true, ct);

    public Task<IActionResult> OnPostCancelAsync(CancellationToken ct) => ActAsync(() => jobs.CancelAsync(Id, ct), ct);

    private Task<IActionResult> StartAsync(bool commit, CancellationToken ct) => ActAsync(async () =>
    {
        var job = await jobs.StartAsync(Id, commit, ct);
        if (job is not null)
        {
            worker.Enqueue(Id);
        }
        return job;
    }, ct);

    private async Task<IActionResult> ActAsync(Func<Task<ImportJobView?>> action, CancellationToken ct)
    {
        try
        {
            return await action() is null ? NotFound() : Redirect($"/Imports/Job/{Id}");
        }
        catch (FieldException e)
        {
            Refused = e.MessageKey;
            return await LoadAsync(ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await jobs.GetAsync(Id, ct) is not { } job)
        {
            return false;
        }
        Job = job;
        Columns = job.Columns.Select(c => new ColumnChoice { Name = c.Name, Field = c.Field }).ToList();
        Answers = EnumFields.Keys.SelectMany(f => (job.Mapping.Values.GetValueOrDefault(f) ?? new Dictionary<string, string>())
                .Select(a => new AnswerChoice { Field = f, Answer = a.Key, Value = a.Value })
                .Concat(Enumerable.Range(0, BlankAnswers).Select(_ => new AnswerChoice { Field = f })))
            .ToList();
        Report = job.Status is ImportJobStatus.DryRunDone or ImportJobStatus.Done or ImportJobStatus.Committing or ImportJobStatus.Cancelled
            ? await jobs.ReportAsync(Id, Shown, ct) ?? []
            : [];
        return true;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
