using Panah.Core.Registry;
using Panah.Data.Access;

namespace Panah.Data.Registry;

/// <summary>
/// A person as the reader may see them: <see cref="Shown"/> says which fields were kept (see <see cref="FieldAccess"/>);
/// a hidden field holds an empty stand-in, which pages and the API leave out rather than show.
/// An erased person is a tombstone: <see cref="ErasedAt"/> is set and <see cref="Details"/> holds only the fields kept in clear.
/// </summary>
public sealed record PersonView(Guid Id, Guid HouseholdId, string HouseholdCode, string District, long Version, PersonDetails Details, Guid? MergedIntoId = null, DateTimeOffset? ErasedAt = null)
{
    /// <summary>From the birth year kept in clear: shown to roles that see age groups but not birth dates.</summary>
    public AgeGroup? AgeGroup { get; init; }
    public RegistryFields Shown { get; init; } = RegistryFields.All;
    public bool IsErased => ErasedAt is not null;
}

public sealed record HouseholdView(
    Guid Id,
    string Code,
    int FieldOfficeId,
    DateOnly RegisteredOn,
    long Version,
    HouseholdDetails Details,
    IReadOnlyList<PersonView> Members)
{
    public int MemberCount { get; init; }
    public PersonName? Head { get; init; }
    public RegistryFields Shown { get; init; } = RegistryFields.All;
}

public sealed record HouseholdSummary(Guid Id, string Code, string District, HouseholdStatus Status, DateOnly RegisteredOn, int MemberCount, PersonName? Head)
{
    public RegistryFields Shown { get; init; } = RegistryFields.All;
}

/// <summary>Filters for browsing; every one optional.</summary>
public sealed record PeopleFilter(string? District = null, Sex? Sex = null, AgeGroup? AgeGroup = null, Vulnerability? Vulnerability = null);

/// <summary>Exact-match search: every word of <see cref="Name"/> must match a name part of the person.</summary>
public sealed record SearchQuery(string? Name = null, string? Phone = null, string? Document = null, string? Email = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Document) && string.IsNullOrWhiteSpace(Email);
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

/// <summary>Someone else changed the record since it was read.</summary>
public sealed class ConcurrencyConflictException() : Exception("The record was changed by someone else.");
