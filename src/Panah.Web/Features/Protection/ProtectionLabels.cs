using Microsoft.Extensions.Localization;

namespace Panah.Web.Features.Protection;

/// <summary>Labels for codes a partner may add beyond the known ones: the translation when there is one, else the code.</summary>
public static class ProtectionLabels
{
    public static string Service(IStringLocalizer l, string code) => l["ProtectionCase.ServiceType." + code] is { ResourceNotFound: false } s ? s.Value : code;
}
