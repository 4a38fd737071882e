using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Imports;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Imports;

/// <summary>
/// <c>/api/v1/imports</c>: upload a CSV, XLSX or Kobo export, set its mapping, dry run it, read the report (XLSX), commit
/// it, cancel it. Registration officers only, at their own field offices: a job of another office is not there (404).
/// </summary>
public static class ImportsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<ImportOptions>();
        var api = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(Policies.RegistryWrite);
        api.MapGet("/", List).WithName("ListImports").WithSummary("The import jobs of the officer's offices, newest first");
        api.MapPost("/", Upload).WithName("UploadImport").WithSummary("Upload a file (multipart: file, office)")
            .WithDescription("A CSV (UTF-8), an XLSX or a KoboToolbox export (XLSX with repeat groups as sheets, or CSV). The whole file is read first: a file that cannot be read is refused with the reason, and nothing is kept. Answers the job, the file's columns and the suggested mapping (the form's remembered one, or columns named like Panah's fields after the last '/').")
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxUploadBytes + 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes + 1024 * 1024)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = MultipartBody();
                return Task.CompletedTask;
            });
        api.MapGet("/{id:guid}", Get).WithName("GetImport").WithSummary("A job and its progress");
        api.MapPut("/{id:guid}/mapping", SetMapping).WithName("SetImportMapping").WithSummary("Set the mapping (remembered for the form); a dry run done before must be run again");
        api.MapPost("/{id:guid}/dry-run", DryRun).WithName("DryRunImport").WithSummary("Check every row with registration's rules and the duplicate check; nothing is registered");
        api.MapGet("/{id:guid}/report", Report).WithName("GetImportReport").WithSummary("The last run's report per row, as XLSX");
        api.MapPost("/{id:guid}/commit", Commit).WithName("CommitImport").WithSummary("Register the good rows (after a dry run); a submission imported before is skipped");
        api.MapDelete("/{id:guid}", Cancel).WithName("CancelImport").WithSummary("Cancel the job and delete its file");
        return app;
    }

    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddSingleton<ImportWorker>().AddHostedService(sp => sp.GetRequiredService<ImportWorker>());

    private static async Task<Ok<List<ImportJobDto>>> List(ImportJobs jobs, CancellationToken ct) =>
        TypedResults.Ok((await jobs.ListAsync(ct)).Select(ImportsMapping.ToDto).ToList());

    /// <summary>The upload's body as the OpenAPI document describes it (read by hand, see <see cref="Upload"/>).</summary>
    private static OpenApiRequestBody MultipartBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The .csv or .xlsx file." },
                        ["office"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Field office code; may be left out by an officer of one office." },
                    },
                },
            },
        },
    };

    /// <summary>
    /// The form is read here rather than bound: a bound file would make routing answer 415 to a request of another
    /// content type before authorization, to anyone. Cookie sessions are SameSite=Strict: no other site's post carries one.
    /// </summary>
    private static async Task<Results<Created<ImportUploadDto>, ValidationProblem>> Upload(
        HttpRequest request, ImportJobs jobs, PanahDbContext db, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        IFormCollection? form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A broken multipart body (no closing boundary, a truncated part): the request's fault, not the server's.
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["file"] = ["Import.Unreadable"] }, l);
        }
        var file = form?.Files.GetFile("file");
        var office = form?["office"].ToString();
        if (file is null || file.Length == 0)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["file"] = ["Import.Empty"] }, l);
        }
        var officeId = await OfficeAsync(db, office, ct);
        if (officeId is null)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["office"] = ["FieldOffice.Unknown"] }, l);
        }
        try
        {
            await using var content = file.OpenReadStream();
            var job = await jobs.CreateAsync(officeId.Value, file.FileName, content, db.Scope.StaffUserId, ct);
            return TypedResults.Created($"/api/v1/imports/{job.Id}", ImportsMapping.ToUploadDto(job));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    /// <summary>The office by its code among the officer's own, or the officer's only office when none is named.</summary>
    internal static async Task<int?> OfficeAsync(PanahDbContext db, string? code, CancellationToken ct)
    {
        var mine = db.Scope.OfficeIds;
        if (string.IsNullOrWhiteSpace(code))
        {
            return mine.Length == 1 ? mine[0] : null;
        }
        var id = await db.FieldOffices.AsNoTracking().Where(o => o.Code == code.Trim().ToUpperInvariant()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        return id is { } found && db.Scope.CoversOffice(found) ? found : null;
    }

    private static async Task<Results<Ok<ImportUploadDto>, NotFound>> Get(Guid id, ImportJobs jobs, CancellationToken ct) =>
        await jobs.GetAsync(id, ct) is { } job ? TypedResults.Ok(ImportsMapping.ToUploadDto(job)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportUploadDto>, NotFound, ValidationProblem>> SetMapping(
        Guid id, ImportMappingDto input, ImportJobs jobs, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            return await jobs.SetMappingAsync(id, ImportsMapping.FromDto(input), ct) is { } job ? TypedResults.Ok(ImportsMapping.ToUploadDto(job)) : TypedResults.NotFound();
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> DryRun(Guid id, ImportJobs jobs, ImportWorker worker, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        StartAsync(id, commit: false, jobs, worker, l, ct);

    private static Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> Commit(Guid id, ImportJobs jobs, ImportWorker worker, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        StartAsync(id, commit: true, jobs, worker, l, ct);

    internal static async Task<Results<Accepted<ImportJobDto>, NotFound, ValidationProblem>> StartAsync(
        Guid id, bool commit, ImportJobs jobs, ImportWorker worker, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            if (await jobs.StartAsync(id, commit, ct) is not { } job)
            {
                return TypedResults.NotFound();
            }
            worker.Enqueue(id);
            return TypedResults.Accepted($"/api/v1/imports/{id}", ImportsMapping.ToDto(job));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Report(Guid id, ImportJobs jobs, HttpResponse response, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (await jobs.ReportAsync(id, ct: ct) is not { } rows)
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(Xlsx(rows, l), XlsxType, "import-report.xlsx");
    }

    /// <summary>The report with its reasons in the reader's language.</summary>
    internal static byte[] Xlsx(IEnumerable<ImportReportRow> rows, IStringLocalizer l)
    {
        using var file = new MemoryStream();
        ImportReport.WriteXlsx(file, rows.Select(r => r with { Reason = r.Reason is null ? null : RegistryMapping.Translate(l, r.Reason) }));
        return file.ToArray();
    }

    private static async Task<Results<Ok<ImportJobDto>, NotFound>> Cancel(Guid id, ImportJobs jobs, CancellationToken ct) =>
        await jobs.CancelAsync(id, ct) is { } job ? TypedResults.Ok(ImportsMapping.ToDto(job)) : TypedResults.NotFound();
}
