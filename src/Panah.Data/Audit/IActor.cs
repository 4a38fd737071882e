namespace Panah.Data.Audit;

/// <summary>Who is acting and from where, as the audit log records it (an account id, never a name).</summary>
public interface IActor
{
    string Id { get; }
    string? Origin { get; }
}

/// <summary>An actor fixed at construction: the CLI, a background job, a test.</summary>
public sealed record FixedActor(string Id, string? Origin = null) : IActor;
