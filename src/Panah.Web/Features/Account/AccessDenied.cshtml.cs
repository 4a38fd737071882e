using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features.Account;

public sealed class AccessDeniedModel : PageModel;
