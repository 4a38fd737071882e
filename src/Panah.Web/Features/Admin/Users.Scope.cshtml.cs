using Microsoft.AspNetCore.Mvc;
using Panah.Core.Access;
using Panah.Data.Staff;

namespace Panah.Web.Features.Admin;

// Field offices and programmes: the administrator ticks them per account; the same StaffAccounts.SetScopeAsync as
// `user scope` saves them (audited as staff.scope with office ids) and ends the account's sessions, so the
// member's next request is read under the new scope.
public sealed partial class UsersModel
{
    /// <summary>The field offices an account can be assigned to, for the checkboxes.</summary>
    public List<OfficeChoice> Offices { get; private set; } = [];

    public async Task<IActionResult> OnPostScopeAsync(string id, string[] offices, string[] programmes)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var parsed = programmes.Select(Programmes.Parse).ToList();
        if (parsed.Any(p => p is null))
        {
            ModelState.AddModelError("", l["Choose programmes from the list."]);
        }
        else
        {
            try
            {
                await accounts.SetScopeAsync(user, offices, parsed.Select(p => p!.Value).ToList());
                TempData["Flash"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Field offices and programmes saved for {0}. Their sessions have ended."], user.Email);
                return RedirectToPage();
            }
            catch (ArgumentException)
            {
                ModelState.AddModelError("", l["Choose field offices from the list."]);
            }
        }
        await LoadAsync();
        return Page();
    }
}
