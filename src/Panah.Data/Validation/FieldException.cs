namespace Panah.Data.Validation;

/// <summary>
/// Input that breaks a rule, the one validation failure every store throws: the field (as the API spells it; empty
/// for the action as a whole) → the message keys of the resource files. Pages add them to their ModelState and the
/// API answers them as a validation problem, each through one mapper.
/// </summary>
public class FieldException(IReadOnlyDictionary<string, List<string>> errors) : Exception("The input is not valid.")
{
    /// <summary>The field that is wrong and why; <paramref name="field"/> is empty when no one field is.</summary>
    public FieldException(string field, string messageKey)
        : this(new Dictionary<string, List<string>> { [field] = [messageKey] })
    {
    }

    public IReadOnlyDictionary<string, List<string>> Errors { get; } = errors;

    /// <summary>The first message key: the one a rule about the whole action gave.</summary>
    public string MessageKey => Errors.Values.SelectMany(m => m).First();
}
