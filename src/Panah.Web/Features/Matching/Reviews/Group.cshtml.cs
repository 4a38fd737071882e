using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Matching;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Matching.Reviews;

/// <summary>A group of pending pairs that share people, decided at once: all one person, or the ticked pairs are not the same.</summary>
public sealed class GroupModel(DuplicateReviews reviews, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReviewGroup Group { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var g = await reviews.GroupAsync(id, ct);
        if (g is null)
        {
            return NotFound();
        }
        Group = g;
        return Page();
    }

    // seen: every pair of the group as shown, "id:version"; notSame: the pairs ticked; decision: "same" (all one person) or "split".
    public async Task<IActionResult> OnPostAsync(Guid id, List<string> seen, List<Guid> notSame, string? decision, CancellationToken ct)
    {
        var versions = new Dictionary<Guid, long>();
        // An empty field binds as null.
        foreach (var parts in seen.Select(s => (s ?? "").Split(':')))
        {
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var pair) && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                versions.TryAdd(pair, version);
            }
        }
        if (versions.Count == 0)
        {
            return NotFound();
        }
        var samePerson = decision == "same";
        var pairs = versions.Where(v => samePerson || notSame.Contains(v.Key)).Select(v => new PairVersion(v.Key, v.Value)).ToList();
        try
        {
            if (await reviews.DecideGroupAsync(id, pairs, samePerson, ct) is null)
            {
                return NotFound();
            }
            TempData["Flash"] = (string)l[samePerson ? "Merged: the later registrations now point to the earliest one." : "Noted: the ticked pairs will not be proposed again."];
        }
        catch (FieldException e)
        {
            TempData["Flash"] = RegistryMapping.Translate(l, e.MessageKey);
            return RedirectToPage(new { id });
        }
        catch (ConcurrencyConflictException)
        {
            TempData["Flash"] = (string)l["Someone else changed this record. Reload it and apply your change again."];
        }
        return RedirectToPage("Index");
    }
}
