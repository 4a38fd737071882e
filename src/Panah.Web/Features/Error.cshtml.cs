using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features;

/// <summary>A generic error page: never a stack trace, never a value.</summary>
public sealed class ErrorModel : PageModel;
