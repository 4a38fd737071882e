using Panah.Core.Registry;

namespace Panah.Data.Registry;

/// <summary>A person as read. An erased person is a tombstone: <see cref="ErasedAt"/> is set and <see cref="Details"/> holds only the fields kept in clear.</summary>
public sealed record PersonView(Guid Id, Guid HouseholdId, string HouseholdCode, string District, long Version, PersonDetails Details, Guid? MergedIntoId = null, DateTimeOffset? ErasedAt = null)
{
    public bool IsErased => ErasedAt is not null;
}

public sealed record HouseholdView(
    Guid Id,
    string Code,
    int FieldOfficeId,
    DateOnly RegisteredOn,
    long Version,
    HouseholdDetails Details,
    IReadOnlyList<PersonView> Members);

public sealed record HouseholdSummary(Guid Id, string Code, string District, HouseholdStatus Status, DateOnly RegisteredOn, int MemberCount, PersonName? Head);

/// <summary>Filters for browsing; every one optional.</summary>
public sealed record PeopleFilter(string? District = null, Sex? Sex = null, AgeGroup? AgeGroup = null, Vulnerability? Vulnerability = null);

/// <summary>Exact-match search: every word of <see cref="Name"/> must match a name part of the person.</summary>
public sealed record SearchQuery(string? Name = null, string? Phone = null, string? Document = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Document);
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

/// <summary>How many pages a list has: an empty list still has one (empty) page.</summary>
public static class Paging
{
    public static int PageCount(int total, int pageSize) => total == 0 ? 1 : (total + pageSize - 1) / pageSize;
}

/// <summary>Input failed the registry's rules; keys are field paths, values message keys.</summary>
public sealed class RegistryValidationException(IReadOnlyDictionary<string, List<string>> errors)
    : Exception("The registry input is not valid.")
{
    public IReadOnlyDictionary<string, List<string>> Errors { get; } = errors;
}

/// <summary>Someone else changed the record since it was read.</summary>
public sealed class ConcurrencyConflictException() : Exception("The record was changed by someone else.");
