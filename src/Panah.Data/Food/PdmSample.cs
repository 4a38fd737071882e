using Panah.Data.Access;

namespace Panah.Data.Food;

/// <summary>
/// The post-distribution monitoring sample of one cycle: households drawn at random, with the seed shown so the
/// draw can be repeated, from the households that collected (a redemption in the cycle) as the drawer's scope saw them.
/// </summary>
public sealed class PdmSample
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Seed { get; set; }

    /// <summary>Collecting households the sample was drawn from (N of the formula).</summary>
    public int Population { get; set; }
    public int Size { get; set; }

    /// <summary>The sampling choices in force when drawn, so the working shown later is the one used.</summary>
    public double Z { get; set; }
    public double MarginOfError { get; set; }
    public double NonResponseInflation { get; set; }
    public required string DrawnBy { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public List<PdmSampleHousehold> Households { get; set; } = [];
}

/// <summary>A household drawn into a sample, in the order drawn (Position 1 first: replacements come from the end of the list).</summary>
public sealed class PdmSampleHousehold : IHouseholdScoped
{
    public int SampleId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// One household's monitoring survey. The answers are personal data, sealed under the household's data key (so
/// erasing the household shreds them); only the computed scores are kept in clear, as numbers, for the dashboard.
/// </summary>
public sealed class PdmSurvey : IHouseholdScoped
{
    public Guid Id { get; set; }
    public int SampleId { get; set; }
    public int CycleId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public required string EnumeratorId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid DataKeyId { get; set; }
    public required byte[] Sealed { get; set; }
    public double? Fcs { get; set; }
    public int? FcsCategory { get; set; }
    public int? Rcsi { get; set; }
    public int Hhs { get; set; }
    public int Lcs { get; set; }
    public double? FoodShare { get; set; }
    public int? Fes { get; set; }
    public int? Cari { get; set; }
}
