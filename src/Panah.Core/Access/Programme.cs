namespace Panah.Core.Access;

/// <summary>The programmes a staff member can be assigned to; some roles see registry records only within theirs.</summary>
public enum Programme
{
    Food = 1,
    Education = 2,
    Protection = 3,
}

public static class Programmes
{
    public static IReadOnlyList<Programme> All { get; } = Enum.GetValues<Programme>();

    /// <summary>"food", "Food" or "FOOD"; null when the name is not a programme.</summary>
    public static Programme? Parse(string? value) =>
        Enum.TryParse<Programme>(value?.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(value, out _) ? p : null;
}
