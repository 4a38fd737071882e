using System.Runtime.CompilerServices;

namespace Panah.Data;

/// <summary>
/// Builds a statement whose shape follows the data (a CASE arm or a row test per item) with every value a
/// parameter, never text: <see cref="Add"/> returns the value's placeholder, <see cref="Sql"/> the statement to run.
/// </summary>
internal sealed class SqlArgs
{
    private readonly List<object?> values = [];

    public string Add(object? value)
    {
        values.Add(value);
        return "{" + (values.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
    }

    /// <summary><paramref name="text"/> holds the placeholders <see cref="Add"/> returned (and no other braces).</summary>
    public FormattableString Sql(string text) => FormattableStringFactory.Create(text, [.. values]);
}
