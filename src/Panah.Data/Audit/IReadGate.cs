namespace Panah.Data.Audit;

/// <summary>
/// Asked before any audit entry is written, with the events about to be recorded: a gate may refuse (throw)
/// before a read is returned, e.g. when an account has used up its budget of person records.
/// Every read of personal data is audited, so every read passes every gate.
/// </summary>
public interface IReadGate
{
    ValueTask CheckAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct);
}
