using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Panah.Data.Access;

namespace Panah.Web.Features.Registry;

/// <summary>Marks an output property as one registry field: it is written only when the reader is shown that field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldAttribute(RegistryFields field) : Attribute
{
    public RegistryFields Field { get; } = field;
}

/// <summary>An output model cut to a reader's fields (see <see cref="FieldAccess"/>).</summary>
public interface IShownFields
{
    RegistryFields Shown { get; }
}

/// <summary>
/// Leaves a hidden field out of the JSON altogether, so that "not yours to see" is never mistaken for
/// "not recorded" (an empty string or null). In the OpenAPI schema such a field is therefore optional.
/// </summary>
public static class FieldMask
{
    public static void Apply(JsonTypeInfo info)
    {
        if (!typeof(IShownFields).IsAssignableFrom(info.Type))
        {
            return;
        }
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(FieldAttribute), true) is [FieldAttribute { Field: var field }, ..])
            {
                property.ShouldSerialize = (owner, _) => ((IShownFields)owner).Shown.Shows(field);
                property.IsRequired = false;
            }
        }
    }

    public static IJsonTypeInfoResolver With(IJsonTypeInfoResolver? resolver) =>
        (resolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Apply);
}

/// <summary>Kept out of the JSON: the field set itself.</summary>
public abstract record ShownFields : IShownFields
{
    [JsonIgnore]
    public RegistryFields Shown { get; init; } = RegistryFields.All;
}
