using Microsoft.Extensions.Configuration;

namespace Panah.Data.Budgets;

/// <summary>How many person records an account may be shown per hour and per day.</summary>
public sealed record ReadAllowance(int PerHour, int PerDay);

/// <summary>
/// Read budgets, section <c>Panah:ReadBudget</c>: <c>Roles:{Role}:PerHour|PerDay</c>, <c>Token:…</c> for each API
/// token of a person, <c>Service:…</c> for a service account the data protection officer has granted nothing.
/// The defaults fit a busy working day at a registration desk and no more.
/// </summary>
public sealed class ReadBudgetOptions
{
    public Dictionary<string, ReadAllowance> Roles { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Staff.Roles.RegistrationOfficer] = new(300, 1500),
        [Staff.Roles.CaseWorker] = new(200, 1000),
        [Staff.Roles.ProgrammeManager] = new(300, 1500),
        [Staff.Roles.DataProtectionOfficer] = new(300, 1500),
        [Staff.Roles.DistributionClerk] = new(300, 1500),
        [Staff.Roles.Teacher] = new(100, 500),
        [Staff.Roles.EducationCoordinator] = new(200, 1000),
        [Staff.Roles.Administrator] = new(50, 200),
    };

    /// <summary>A role not in <see cref="Roles"/>.</summary>
    public ReadAllowance Other { get; set; } = new(50, 200);

    /// <summary>Each API token of a person, on top of the person's own budget, which its reads also spend.</summary>
    public ReadAllowance Token { get; set; } = new(100, 500);

    /// <summary>A service account until the data protection officer grants it more.</summary>
    public ReadAllowance Service { get; set; } = new(100, 500);

    public static ReadBudgetOptions Read(IConfiguration configuration)
    {
        var options = new ReadBudgetOptions();
        var section = configuration.GetSection("Panah:ReadBudget");
        foreach (var role in section.GetSection("Roles").GetChildren())
        {
            var current = options.Roles.GetValueOrDefault(role.Key, options.Other);
            options.Roles[role.Key] = Bind(role, current);
        }
        options.Other = Bind(section.GetSection("Other"), options.Other);
        options.Token = Bind(section.GetSection("Token"), options.Token);
        options.Service = Bind(section.GetSection("Service"), options.Service);
        return options;
    }

    /// <summary>The allowance of a person with <paramref name="roles"/>: the largest of their roles'.</summary>
    public ReadAllowance ForRoles(IEnumerable<string> roles)
    {
        var allowances = roles.Select(r => Roles.GetValueOrDefault(r, Other)).ToList();
        return allowances.Count == 0 ? Other : allowances.MaxBy(a => a.PerDay)!;
    }

    private static ReadAllowance Bind(IConfigurationSection section, ReadAllowance current) =>
        new(section.GetValue("PerHour", current.PerHour), section.GetValue("PerDay", current.PerDay));
}
