using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Admin;

/// <summary>API tokens: issue one for a staff account (shown once), see who holds which, revoke.</summary>
public sealed class TokensModel(ApiTokens tokens, UserManager<StaffUser> users, PanahDbContext db) : PageModel
{
    public sealed class NewTokenInput
    {
        [Required, EmailAddress] public string Email { get; set; } = "";
        [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
        [Range(1, 366)] public int Days { get; set; } = 90;
    }

    [BindProperty] public NewTokenInput Input { get; set; } = new();

    public List<ApiToken> Tokens { get; private set; } = [];
    public string? Secret { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        if (ModelState.IsValid)
        {
            var user = await users.FindByEmailAsync(Input.Email);
            if (user is null)
            {
                ModelState.AddModelError("Input.Email", "No staff account has this email.");
            }
            else
            {
                (_, Secret) = await tokens.IssueAsync(user, Input.Name, Input.Days);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        await tokens.RevokeAsync(id);
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Tokens = (await db.ApiTokens.AsNoTracking().Include(t => t.User).ToListAsync()).OrderByDescending(t => t.CreatedAt).ToList();
}
