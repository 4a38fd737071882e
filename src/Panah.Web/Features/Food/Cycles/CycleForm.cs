using System.ComponentModel.DataAnnotations;
using Panah.Core.Food;
using Panah.Core.Registry;
using Panah.Data.Food;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>The cycle form's fields, eligibility filters included, and their mapping to the store's input.</summary>
public sealed class CycleForm
{
    public int ProgrammeId { get; set; }
    [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    [Range(1, CycleStore.MaxDays)] public int DaysCovered { get; set; } = 30;
    public int BasketId { get; set; }
    [Range(1, 100)] public int? MultiplierCap { get; set; }
    public List<int> PointIds { get; set; } = [];
    public List<Vulnerability> Needs { get; set; } = [];
    [Range(1, 100)] public int? MinMembers { get; set; }
    [Range(1, 100)] public int? MaxMembers { get; set; }

    /// <summary>Districts separated by commas, as registered.</summary>
    [StringLength(1000), PlainText] public string? Districts { get; set; }
    public List<string> FieldOffices { get; set; } = [];
    public DateOnly? RegisteredFrom { get; set; }
    public DateOnly? RegisteredBefore { get; set; }

    public EligibilityRule Rule() => new()
    {
        Needs = Needs.Aggregate(Vulnerability.None, (a, v) => a | v),
        MinMembers = MinMembers,
        MaxMembers = MaxMembers,
        Districts = (Districts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList(),
        // A blank field posts as a null element: no office, not an office named "".
        FieldOffices = FieldOffices.Where(o => !string.IsNullOrWhiteSpace(o)).Distinct().ToList(),
        RegisteredFrom = RegisteredFrom,
        RegisteredBefore = RegisteredBefore,
    };

    public CycleInput ToInput() => new(ProgrammeId, Name, StartsOn, EndsOn, DaysCovered, BasketId, Rule(), MultiplierCap, PointIds);

    public static CycleForm From(CycleView c) => new()
    {
        ProgrammeId = c.ProgrammeId,
        Name = c.Name,
        StartsOn = c.StartsOn,
        EndsOn = c.EndsOn,
        DaysCovered = c.DaysCovered,
        BasketId = c.BasketId,
        MultiplierCap = c.MultiplierCap,
        PointIds = [.. c.PointIds],
        Needs = c.Eligibility.Needs.Flags().ToList(),
        MinMembers = c.Eligibility.MinMembers,
        MaxMembers = c.Eligibility.MaxMembers,
        Districts = string.Join(", ", c.Eligibility.Districts),
        FieldOffices = [.. c.Eligibility.FieldOffices],
        RegisteredFrom = c.Eligibility.RegisteredFrom,
        RegisteredBefore = c.Eligibility.RegisteredBefore,
    };
}
