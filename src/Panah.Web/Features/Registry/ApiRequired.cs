using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Panah.Web.Features.Registry;

/// <summary>
/// A field the API requires, listed in the OpenAPI schema's <c>required</c>. Deliberately not a model-binding
/// rule (as [Required] would be on the pages that share these input models): the mapping reports a missing field
/// as a translated field-level error, in the API and on the pages alike.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ApiRequiredAttribute : Attribute;

/// <summary>Copies <see cref="ApiRequiredAttribute"/> into the schema of each input model.</summary>
internal sealed class ApiRequiredSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(ApiRequiredAttribute), inherit: true) == true)
            {
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(property.Name);
            }
        }
        return Task.CompletedTask;
    }
}
