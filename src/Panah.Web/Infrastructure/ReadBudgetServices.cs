using Microsoft.Extensions.Localization;
using Panah.Data.Audit;
using Panah.Data.Budgets;

namespace Panah.Web.Infrastructure;

/// <summary>Read budgets: the gate, its state in the database, and what a blocked account is answered.</summary>
public static class ReadBudgetServices
{
    public static IServiceCollection AddReadBudgets(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(ReadBudgetOptions.Read(configuration))
            .AddScoped<WindowCounters>()
            .AddScoped<ReadBudgets>()
            .AddScoped<IReadGate, ReadBudgetGate>();

    /// <summary>
    /// A refused read answers 429: on the API with problem details, in the browser with a page that says why and who
    /// can lift the block. Placed after authorization, so it wraps the endpoints alone.
    /// </summary>
    public static void UseReadBudgets(this WebApplication app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (ReadBudgetExceededException) when (!context.Response.HasStarted)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.Response.Clear();
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["ReadBudget.Title"], detail: l["ReadBudget.Detail"])
                    .ExecuteAsync(context);
                return;
            }
            context.Response.Clear();
            context.Response.Redirect("/Account/ReadBudget");
        }
    });
}
