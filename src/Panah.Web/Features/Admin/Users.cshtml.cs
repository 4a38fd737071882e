using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Admin;

/// <summary>Staff accounts: create one (its one-time password is shown once), disable, enable, change role.</summary>
public sealed class UsersModel(StaffAccounts accounts, UserManager<StaffUser> users) : PageModel
{
    public sealed class NewUserInput
    {
        [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
        [StringLength(100), PlainText] public string? DisplayName { get; set; }
        [Required] public string Role { get; set; } = Roles.RegistrationOfficer;
    }

    [BindProperty] public NewUserInput Input { get; set; } = new();

    public List<(StaffUser User, IList<string> Roles)> Staff { get; } = [];
    public NewStaffAccount? Created { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                Created = await accounts.CreateAsync(Input.Email, Input.Role, Input.DisplayName);
                Input = new();
            }
            catch (InvalidOperationException e)
            {
                ModelState.AddModelError("Input.Email", e.Message);
            }
            catch (ArgumentException e)
            {
                ModelState.AddModelError("Input.Role", e.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await accounts.SetDisabledAsync(user, disabled);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        foreach (var u in await accounts.ListAsync())
        {
            Staff.Add((u, await users.GetRolesAsync(u)));
        }
    }
}
