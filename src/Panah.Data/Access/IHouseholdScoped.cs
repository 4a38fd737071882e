namespace Panah.Data.Access;

/// <summary>
/// A row that belongs to a household (an entitlement, a card, a redemption…): the access scope filters it by
/// the household's field office, or by a grant on the household, like the household itself. Implementing this is
/// all a feature does to put its rows under need-to-know; <see cref="PanahDbContext"/> adds the filter.
/// </summary>
public interface IHouseholdScoped
{
    Guid HouseholdId { get; }
    int FieldOfficeId { get; }
}
