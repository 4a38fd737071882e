using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;

namespace Panah.Web.Infrastructure;

/// <summary>
/// The one way a page shows a store's refusal: each message key of a <see cref="FieldException"/> (or of a page's own
/// checks, in the same shape) translated once and added under the page's name for its field. An error of the action
/// as a whole (the empty field) goes to the page's summary. The API's counterpart is <see cref="RegistryApi.Problem(IReadOnlyDictionary{string, List{string}}, IStringLocalizer)"/>.
/// </summary>
public static class FieldErrors
{
    public static void AddFieldErrors(this ModelStateDictionary state, IReadOnlyDictionary<string, List<string>> errors, IStringLocalizer l, Func<string, string> key)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var m in messages)
            {
                state.AddModelError(field.Length == 0 ? "" : key(field), RegistryMapping.Translate(l, m));
            }
        }
    }

    public static void AddFieldErrors(this ModelStateDictionary state, FieldException e, IStringLocalizer l, Func<string, string> key) =>
        state.AddFieldErrors(e.Errors, l, key);

    /// <summary>For a form whose fields sit under <c>Input</c>, named as the store names them.</summary>
    public static string Input(string field) => "Input." + field;
}
