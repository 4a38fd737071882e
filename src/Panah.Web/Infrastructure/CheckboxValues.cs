using Microsoft.AspNetCore.Mvc.Filters;

namespace Panah.Web.Infrastructure;

/// <summary>
/// A posted checkbox whose value is not a boolean ("2026-01-05") stays an error of the form, but its attempted value is
/// reset to false: the checkbox tag helper parses the attempted value when it shows the form again and would throw
/// (a 500) on anything else. Every page's bool properties are covered here, so no page repeats the guard.
/// </summary>
public sealed class CheckboxValues : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        foreach (var (key, entry) in state.ToList())
        {
            if (entry is { Errors.Count: > 0 } && entry.AttemptedValue is { } raw && !bool.TryParse(raw, out _) && IsBool(context.HandlerInstance.GetType(), key))
            {
                state.SetModelValue(key, false, "false");
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>Whether the property at <paramref name="path"/> (as "Section.WomenOnly") of <paramref name="type"/> is a bool.</summary>
    private static bool IsBool(Type type, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (type.GetProperty(part) is not { } property)
            {
                return false;
            }
            type = property.PropertyType;
        }
        return type == typeof(bool) || type == typeof(bool?);
    }
}
