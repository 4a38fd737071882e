using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>A signed-in person's own API tokens: issue one (shown once), see them, revoke one. Nobody issues tokens for another person.</summary>
public sealed class TokensModel(ApiTokens tokens, UserManager<StaffUser> users, PanahDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NewTokenInput
    {
        [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
        [Range(1, 366)] public int Days { get; set; } = 30;
    }

    /// <summary>A token as this page shows it.</summary>
    public sealed record TokenRow(Guid Id, string Name, DateTimeOffset ExpiresAt, bool Revoked);

    [BindProperty] public NewTokenInput Input { get; set; } = new();

    public List<TokenRow> Tokens { get; private set; } = [];
    public string? Secret { get; private set; }
    public int MaxDays => tokens.MaxDays;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (Input.Days > tokens.MaxDays)
        {
            ModelState.AddModelError("Input.Days", l["A token lives at most {0} days.", tokens.MaxDays]);
        }
        if (ModelState.IsValid)
        {
            (_, Secret) = await tokens.IssueOwnAsync(user, Input.Name, Input.Days);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var userId = users.GetUserId(User);
        if (await db.ApiTokens.AnyAsync(t => t.Id == id && t.UserId == userId))
        {
            await tokens.RevokeAsync(id);
        }
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = users.GetUserId(User);
        Tokens = (await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync())
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.ExpiresAt, t.RevokedAt is not null))
            .ToList();
    }
}
