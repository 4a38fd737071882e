using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Panah.Web.Infrastructure;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a locally served viewer at <c>/api/docs</c>, both for signed-in staff only.</summary>
public static class ApiDocs
{
    public static IApplicationBuilder UseApiDocs(this IApplicationBuilder app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api/docs"), docs =>
        {
            docs.Use(async (ctx, next) =>
            {
                var authz = ctx.RequestServices.GetRequiredService<IAuthorizationService>();
                var result = await authz.AuthorizeAsync(ctx.User, Policies.Staff);
                if (!result.Succeeded)
                {
                    await ctx.ChallengeAsync();
                    return;
                }
                await next();
            });
            docs.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "api/docs";
                o.SwaggerEndpoint("/openapi/v1.json", "Panah API v1");
                o.DocumentTitle = "Panah API";
            });
        });
        return app;
    }
}

/// <summary>Declares the bearer-token scheme in the OpenAPI document.</summary>
internal sealed class BearerDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Panah API";
        document.Info.Description = "Households and people of the Panah registry. Authenticate with `Authorization: Bearer pnh_…` " +
            "(a person issues their own token after signing in; an administrator issues one for a service account: `panah token add`). Errors are RFC 9457 problem details with field-level messages.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Panah API token (pnh_…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
