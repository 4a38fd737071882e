using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Admin;

/// <summary>
/// Staff accounts: create one (a person gets an enrolment code, shown once; a service account gets
/// none), disable after a confirmation step, enable, and set the field offices and programmes each works in.
/// The last enabled administrator cannot be disabled.
/// </summary>
public sealed partial class UsersModel(StaffAccounts accounts, UserManager<StaffUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class NewUserInput
    {
        [Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
        [StringLength(100), PlainText] public string? DisplayName { get; set; }
        [Required] public string Role { get; set; } = Roles.RegistrationOfficer;
        public bool Service { get; set; }
    }

    /// <summary>An account as the list shows it.</summary>
    public sealed record StaffRow(string Id, string? Email, IList<string> Roles, bool Enrolled, bool IsServiceAccount, bool IsDisabled, StaffScope Scope);

    [BindProperty] public NewUserInput Input { get; set; } = new();

    public List<StaffRow> Staff { get; } = [];
    public NewStaffAccount? Created { get; private set; }
    public DateTimeOffset? CodeExpiresAt { get; private set; }

    /// <summary>The account an administrator asked to disable, awaiting confirmation.</summary>
    public StaffRow? ConfirmDisable { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                Created = await accounts.CreateAsync(Input.Email, Input.Role, Input.DisplayName, service: Input.Service);
                CodeExpiresAt = Created.User.EnrolmentCodeExpiresAt;
                Input = new();
            }
            catch (InvalidOperationException e)
            {
                ModelState.AddModelError("Input.Email", e.Message);
            }
            catch (ArgumentException)
            {
                ModelState.AddModelError("Input.Role", l["Choose a role."]);
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>A new enrolment code for a person who has not enrolled yet; the old one stops working.</summary>
    public async Task<IActionResult> OnPostNewCodeAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.IsServiceAccount || user.TwoFactorEnabled)
        {
            return NotFound();
        }
        Created = await accounts.NewEnrolmentCodeAsync(user);
        CodeExpiresAt = Created.User.EnrolmentCodeExpiresAt;
        await LoadAsync();
        return Page();
    }

    /// <summary>First step of disabling: shows who is about to be disabled and asks to confirm.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await LoadAsync();
        if (await accounts.IsLastAdministratorAsync(user))
        {
            ModelState.AddModelError("", l["This is the last enabled administrator account; it cannot be disabled. Create another administrator first."]);
        }
        else
        {
            ConfirmDisable = Staff.Find(s => s.Id == id);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDisableConfirmedAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        try
        {
            await accounts.SetDisabledAsync(user, true);
        }
        catch (LastAdministratorException)
        {
            ModelState.AddModelError("", l["This is the last enabled administrator account; it cannot be disabled. Create another administrator first."]);
            await LoadAsync();
            return Page();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await accounts.SetDisabledAsync(user, false);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Staff.Clear();
        var scopes = await accounts.ScopesAsync();
        foreach (var u in await accounts.ListAsync())
        {
            Staff.Add(new StaffRow(u.Id, u.Email, await users.GetRolesAsync(u), u.TwoFactorEnabled, u.IsServiceAccount, u.IsDisabled, scopes.GetValueOrDefault(u.Id, StaffScope.None)));
        }
        Offices = await accounts.OfficesAsync();
    }
}
