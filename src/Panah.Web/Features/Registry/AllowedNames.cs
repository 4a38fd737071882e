using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Panah.Core.Registry;

namespace Panah.Web.Features.Registry;

/// <summary>
/// Marks a string property or parameter that takes one of a fixed set of names. Input stays a string so that a
/// wrong value is a field-level error (see <see cref="RegistryMapping"/>); this tells the OpenAPI document the names.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class AllowedNamesAttribute : Attribute
{
    public abstract IReadOnlyList<string> Names { get; }
}

/// <summary>One of <typeparamref name="T"/>'s names, as <see cref="EnumNames"/> writes and reads them.</summary>
public sealed class OneOfAttribute<T> : AllowedNamesAttribute where T : struct, Enum
{
    public override IReadOnlyList<string> Names => EnumNames.Of<T>();
}

/// <summary>One of the script tags of <see cref="NameScripts"/>.</summary>
public sealed class ScriptTagAttribute : AllowedNamesAttribute
{
    public override IReadOnlyList<string> Names { get; } = NameScripts.All.Select(s => s.Tag()).ToArray();
}

/// <summary>Writes the allowed names of a marked property or query parameter as the schema's <c>enum</c> (of its items, for a list).</summary>
internal sealed class AllowedNamesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var allowed = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedNamesAttribute), inherit: true).OfType<AllowedNamesAttribute>().FirstOrDefault()
            ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttribute<AllowedNamesAttribute>();
        if (allowed is not null)
        {
            var target = schema.Items is OpenApiSchema items ? items : schema;
            target.Enum = allowed.Names.Select(n => (JsonNode)JsonValue.Create(n)).ToList();
        }
        return Task.CompletedTask;
    }
}
