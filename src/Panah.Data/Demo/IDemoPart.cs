namespace Panah.Data.Demo;

/// <summary>
/// A feature's share of the demo (a food programme with an approved cycle, class sections…). Run by
/// <c>--demo</c> and the CLI's <c>seed-demo</c> after the households (and, for <c>--demo</c>, the accounts)
/// exist, in <see cref="Order"/>; each part checks its own data and does nothing when it is already there.
/// </summary>
public interface IDemoPart
{
    int Order { get; }

    /// <summary>Shown while it runs ("food programme, cycle, cards and stock").</summary>
    string Name { get; }

    Task SeedAsync(CancellationToken ct);
}
