using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Panah.Data;
using Panah.Data.Imports;
using Panah.Data.Validation;

namespace Panah.Web.Features.Imports;

/// <summary>Upload a file for import, at one of the officer's offices; a file that cannot be read is refused with the reason and nothing is kept.</summary>
// Past Kestrel's and the form reader's defaults; the configured limit (Panah:Imports:MaxUploadMegabytes) is checked below.
[RequestFormLimits(MultipartBodyLengthLimit = 1025L * 1024 * 1024)]
[RequestSizeLimit(1025L * 1024 * 1024)]
public sealed class NewModel(ImportJobs jobs, PanahDbContext db, ImportOptions options) : PageModel
{
    [BindProperty] public string? Office { get; set; }

    public List<(string Code, string Name)> Offices { get; private set; } = [];
    public string? Refused { get; private set; }
    public int MaxMegabytes => options.MaxUploadMegabytes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            Refused = "Import.Empty";
            return Page();
        }
        if (file.Length > options.MaxUploadBytes)
        {
            Refused = "Import.TooLarge";
            return Page();
        }
        if (await ImportsApi.OfficeAsync(db, Office ?? (Offices.Count == 1 ? Offices[0].Code : null), ct) is not { } office)
        {
            Refused = "FieldOffice.Unknown";
            return Page();
        }
        try
        {
            await using var content = file.OpenReadStream();
            var job = await jobs.CreateAsync(office, file.FileName, content, db.Scope.StaffUserId, ct);
            return Redirect($"/Imports/Job/{job.Id}");
        }
        catch (FieldException e)
        {
            Refused = e.MessageKey;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = db.Scope.OfficeIds;
        Offices = (await db.FieldOffices.AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Code).Select(o => new { o.Code, o.Name }).ToListAsync(ct))
            .Select(o => (o.Code, o.Name)).ToList();
    }
}
