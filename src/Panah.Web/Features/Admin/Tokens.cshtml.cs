using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Admin;

/// <summary>
/// API tokens: issue one for a service account (shown once), see who holds which, revoke any.
/// A person's tokens are issued by that person only (their own tokens page).
/// </summary>
public sealed class TokensModel(ApiTokens tokens, PanahDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NewTokenInput
    {
        [Required] public string AccountId { get; set; } = "";
        [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
        [Range(1, 366)] public int Days { get; set; } = 90;
    }

    /// <summary>A token as this page shows it.</summary>
    public sealed record TokenRow(Guid Id, string Name, string? Email, bool IsServiceAccount, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);

    /// <summary>A service account that can be given a token.</summary>
    public sealed record ServiceAccountOption(string Id, string? Email);

    [BindProperty] public NewTokenInput Input { get; set; } = new();

    public List<TokenRow> Tokens { get; private set; } = [];
    public List<ServiceAccountOption> ServiceAccounts { get; private set; } = [];
    public string? Secret { get; private set; }
    public int MaxDays => tokens.MaxDays;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == Input.AccountId && u.IsServiceAccount && !u.IsDisabled);
        if (account is null)
        {
            ModelState.AddModelError("Input.AccountId", l["Choose a service account. A person issues their own tokens."]);
        }
        if (Input.Days > tokens.MaxDays)
        {
            ModelState.AddModelError("Input.Days", l["A token lives at most {0} days.", tokens.MaxDays]);
        }
        if (ModelState.IsValid && account is not null)
        {
            (_, Secret) = await tokens.IssueForServiceAccountAsync(account, Input.Name, Input.Days);
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await tokens.RevokeAsync(id);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Tokens = (await db.ApiTokens.AsNoTracking()
                .Select(t => new TokenRow(t.Id, t.Name, t.User!.Email, t.User.IsServiceAccount, t.CreatedAt, t.ExpiresAt, t.RevokedAt != null))
                .ToListAsync())
            .OrderByDescending(t => t.CreatedAt)
            .ToList();
        ServiceAccounts = await db.Users.AsNoTracking().Where(u => u.IsServiceAccount && !u.IsDisabled)
            .OrderBy(u => u.Email).Select(u => new ServiceAccountOption(u.Id, u.Email)).ToListAsync();
    }
}
