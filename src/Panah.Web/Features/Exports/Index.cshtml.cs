using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;
using Panah.Data.Exports;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Exports;

/// <summary>Ask for an export of personal data (purpose, recipient, dataset, columns, filters) and follow one's own requests; an approved one is downloaded once from here.</summary>
public sealed class IndexModel(ExportGate gate, AccessScope scope, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class RequestInput
    {
        [StringLength(ExportGate.MaxPurpose)]
        public string? Purpose { get; set; }
        public int RecipientId { get; set; }
        public ExportDataset Dataset { get; set; } = ExportDataset.Households;
        public List<string> Columns { get; set; } = [];
        public string? FieldOffice { get; set; }
        public string? District { get; set; }
    }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public IReadOnlyList<RecipientView> Recipients { get; private set; } = [];
    public IReadOnlyList<ExportView> Mine { get; private set; } = [];

    /// <summary>The columns of each dataset this staff member's role sees: the only ones offered.</summary>
    public IReadOnlyList<(ExportDataset Dataset, string Column)> Offered { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var columns = Input.Columns.Where(c => c is not null && c.StartsWith(Input.Dataset + ":", StringComparison.Ordinal)).Select(c => c[(c.IndexOf(':') + 1)..]).ToList();
        var outcome = await gate.RequestAsync(new ExportInput(Input.Purpose, Input.RecipientId, Input.Dataset, columns, Input.FieldOffice, Input.District), ct);
        if (outcome.Export is not null)
        {
            return RedirectToPage();
        }
        ModelState.AddFieldErrors(ExportsApi.Keys(outcome.Errors), l, field => "Input." + char.ToUpperInvariant(field[0]) + field[1..]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Recipients = await gate.RecipientsAsync(ct);
        Mine = await gate.MineAsync(ct);
        Offered = [.. ExportColumns.ByDataset.SelectMany(d => d.Value.Where(c => scope.Fields.Shows(c.Value)).Select(c => (d.Key, c.Key)))];
    }
}
