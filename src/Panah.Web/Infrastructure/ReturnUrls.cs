using Microsoft.AspNetCore.Mvc;

namespace Panah.Web.Infrastructure;

/// <summary>Where to send the user back to after a form: a local address only, and only one that a Location header can carry.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is local and printable ASCII (pages send their own path and query,
    /// already percent-encoded; anything else was made up, and a non-ASCII Location header fails the response), else "/".
    /// </summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl.All(c => c is >= '!' and <= '~') ? returnUrl : "/";
}
