using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features.DataProtection;

/// <summary>The data protection officer's home: one card for each duty, each on its own page (the paths agreed between features).</summary>
public sealed class IndexModel : PageModel;
