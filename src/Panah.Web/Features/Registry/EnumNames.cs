using System.Text.Json;

namespace Panah.Web.Features.Registry;

/// <summary>
/// How the API and the forms write an enumeration: one camelCase name per defined value ("female"), case ignored
/// on the way in. Never a number or a comma list (<c>Enum.TryParse</c> takes "female,male" as 3, a value no one
/// chose); for flags each element of a list is one name. The OpenAPI document lists the same names.
/// </summary>
public static class EnumNames
{
    public static IReadOnlyList<string> Of<T>() where T : struct, Enum => Names<T>.All;

    public static IReadOnlyList<string> Of(Type enumType) =>
        (IReadOnlyList<string>)typeof(Names<>).MakeGenericType(enumType).GetField("All")!.GetValue(null)!;

    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum
    {
        var i = value is null ? -1 : Array.FindIndex(Names<T>.All, n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        parsed = i < 0 ? default : Names<T>.Values[i];
        return i >= 0;
    }

    private static class Names<T> where T : struct, Enum
    {
        // A flags enumeration's zero ("none") is the empty list, not a value to choose.
        public static readonly T[] Values = Enum.GetValues<T>()
            .Where(v => !typeof(T).IsDefined(typeof(FlagsAttribute), false) || Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).ToArray();

        public static readonly string[] All = Values.Select(Name).ToArray();
    }
}
