namespace Panah.Data.Matching;

/// <summary>
/// Something that makes a pair worth deciding sooner because a real person depends on the answer: an open food
/// entitlement today; protection cases will be another (register one more implementation, scoped, and the queue
/// orders by it with no other change). Asked through the reader's need-to-know scope.
/// </summary>
public interface IReviewStake
{
    /// <summary>The stake's name as the API shows it (camel case), e.g. <c>openEntitlement</c>.</summary>
    string Name { get; }

    /// <summary>Which of <paramref name="people"/> have this stake.</summary>
    Task<IReadOnlySet<Guid>> PeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken ct);
}
