using Panah.Data.Audit;

namespace Panah.Data.Access;

/// <summary>
/// Who a record says acted (a card's issuer, a stock line's poster, a sample's drawer, a cycle's generator): the
/// signed-in staff account's id, so a page can compare it with the account and look up its address; the CLI's,
/// job's or demo's actor when nobody is signed in. The audit log keeps the fuller actor (token, address) itself.
/// </summary>
public sealed class ActingStaff(AccessScope scope, IActor actor)
{
    public string Id => Of(scope, actor);

    /// <summary>The same for a service that holds its own actor (system work under a fixed actor).</summary>
    public static string Of(AccessScope scope, IActor actor) => scope.StaffUserId ?? actor.Id;
}
