using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Errors under <c>/api</c> answer as problem details, never as an HTML page or an empty body. A request the API
/// cannot read (malformed JSON, a wrong content type, no body) is a 400 (or 415) naming the field; a failure of
/// Panah's own is a 500 that tells nothing of the request or the code, only an error id that its log line carries too.
/// </summary>
public static class ApiProblems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services) =>
        // Minimal APIs then throw on unreadable input instead of answering an empty 400, so it is reported here.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true)
            // A key given twice is read differently by different parsers: refused, not "last one wins".
            .Configure<JsonOptions>(o => o.SerializerOptions.AllowDuplicateProperties = false);

    /// <summary>After request localization, so the problem's text is in the caller's language.</summary>
    public static void UseApiProblems(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems));
        app.Use(async (context, next) =>
        {
            if (!IsApi(context.Request.Path))
            {
                await next(context);
                return;
            }
            try
            {
                if (HasUnknownCharset(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                }
                else
                {
                    await next(context);
                }
                if (context.Response is { StatusCode: StatusCodes.Status415UnsupportedMediaType, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
                {
                    await Unsupported(context).ExecuteAsync(context);
                }
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                await Unreadable(context, e).ExecuteAsync(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // The same id the problem's traceId carries.
                var errorId = Activity.Current?.Id ?? context.TraceIdentifier;
                logger.LogError(e, "API request failed, error id {ErrorId}, endpoint {Endpoint}", errorId, context.GetEndpoint()?.DisplayName);
                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.Response.Clear();
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status500InternalServerError,
                    title: l["Panah could not answer this request. If it happens again, give this error id to your administrator."],
                    extensions: new Dictionary<string, object?> { ["errorId"] = errorId }).ExecuteAsync(context);
            }
        });
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    /// <summary>A charset .NET cannot decode: the JSON reader would throw on it rather than refuse it.</summary>
    private static bool HasUnknownCharset(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.Charset.HasValue && type.Encoding is null;

    private static IResult Unsupported(HttpContext context, int status = StatusCodes.Status415UnsupportedMediaType)
    {
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(statusCode: status, title: l["The request could not be read: send the body as JSON, with the content type application/json."]);
    }

    private static IResult Unreadable(HttpContext context, BadHttpRequestException e)
    {
        if (e.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Unsupported(context, e.StatusCode);
        }
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var field = e.InnerException is JsonException json ? Field(json.Path) : context.Request.HasJsonContentType() ? "body" : null;
        if (field is null)
        {
            // A query or route value that does not parse: the framework's message would echo the value back.
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l["The input is not valid."]);
        }
        return TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [l["This value is missing or is not of the expected type."]] },
            title: l["The input is not valid."]);
    }

    /// <summary>
    /// "$.members[0].birthDate" → "members[0].birthDate", the names the API's own validation uses. A key of the
    /// caller's own spelling ($['…']) is cut off: its text is not echoed back.
    /// </summary>
    public static string Field(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        var quoted = field.IndexOf("['", StringComparison.Ordinal);
        field = (quoted < 0 ? field : field[..quoted]).TrimEnd('.');
        return field.Length == 0 ? "body" : field;
    }
}
