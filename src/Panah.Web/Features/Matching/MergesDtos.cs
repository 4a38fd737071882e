using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Matching;

/// <summary>A person merge: ids and dates only. <c>canUndo</c> while the merged registration is kept (the retention period).</summary>
public sealed record PersonMergeDto(Guid Id, Guid SurvivorId, Guid MergedId, Guid HouseholdId, Guid? ReviewId, Guid? HouseholdMergeId, DateTimeOffset MergedAt, DateTimeOffset? UndoneAt, bool CanUndo, long Version);

public sealed record HouseholdRunDto(int Proposed, int AlreadyKnown);

/// <summary>A proposed household duplicate: the surviving (earlier) household, the other, how many people they share.</summary>
public sealed record HouseholdDuplicateDto(Guid Id, Guid HouseholdId, string HouseholdCode, Guid OtherHouseholdId, string OtherHouseholdCode, int Shared, string Status, long Version);

public sealed record HouseholdDuplicateDetailDto(HouseholdDuplicateDto Duplicate, HouseholdDto Household, HouseholdDto Other);

public sealed class HouseholdDecisionInput
{
    public bool SameHousehold { get; set; }
    public long Version { get; set; }
}

public sealed class UndoInput
{
    public long Version { get; set; }
}
