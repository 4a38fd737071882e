using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Access;
using Panah.Data.Exports;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Exports;

/// <summary>Every member optional in JSON (the app respects required constructor parameters); the gate says what is missing.</summary>
public sealed record ExportRequestBody(string? Purpose = null, int RecipientId = 0, string? Dataset = null, IReadOnlyList<string>? Columns = null, string? FieldOffice = null, string? District = null);

public sealed record RecipientBody(string? Name = null, string? Organisation = null, string? PublicKey = null);

public sealed record RecipientDto(int Id, string Name, string Organisation, string Fingerprint, DateTimeOffset AddedAt);

public sealed record ExportDto(
    Guid Id, string Purpose, RecipientDto Recipient, string Dataset, IReadOnlyList<string> Columns, string? FieldOffice, string? District, string Status,
    int RowsAtRequest, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, bool Mine, DateTimeOffset? DecidedAt, DateTimeOffset? ProducedAt, int? ProducedRows);

/// <summary>
/// <c>/api/v1/exports</c>: personal data leaves Panah only through the gate (purpose, recipient, a data protection
/// officer's approval, OpenPGP encryption to the recipient, once); <c>/api/v1/aggregates/people</c>: the standard
/// aggregate table, HXL-tagged and small cells hidden, no approval.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/exports").WithTags("Exports").RequireAuthorization(Policies.Exports);
        api.MapPost("/", Request).WithName("RequestExport").WithSummary("Ask for an export of personal data")
            .WithDescription("Purpose (10–2,000 characters, stored encrypted), a registered recipient, dataset households or people, columns (only those the caller's role sees), optional fieldOffice and district. Rows are counted in the caller's scope for the approver. Audited.");
        api.MapGet("/", async (ExportGate gate, ActingStaff me, CancellationToken ct) => TypedResults.Ok((await gate.MineAsync(ct)).Select(e => ToDto(e, me.Id)).ToList()))
            .WithName("ListMyExports").WithSummary("The caller's export requests, newest first");
        api.MapGet("/all", async (ExportGate gate, ActingStaff me, CancellationToken ct) => TypedResults.Ok((await gate.AllAsync(ct)).Select(e => ToDto(e, me.Id)).ToList()))
            .WithName("ListAllExports").WithSummary("Every export request: the data protection officer's queue").RequireAuthorization(Policies.ExportApprove);
        api.MapPost("/{id:guid}/approve", (Guid id, ExportGate gate, ActingStaff me, IStringLocalizer<SharedResource> l, CancellationToken ct) => Decide(gate.ApproveAsync(id, ct), me, l))
            .WithName("ApproveExport").WithSummary("Approve another's export (four eyes: never one's own, 403)").RequireAuthorization(Policies.ExportApprove);
        api.MapPost("/{id:guid}/refuse", (Guid id, ExportGate gate, ActingStaff me, IStringLocalizer<SharedResource> l, CancellationToken ct) => Decide(gate.RefuseAsync(id, ct), me, l))
            .WithName("RefuseExport").WithSummary("Refuse another's export").RequireAuthorization(Policies.ExportApprove);
        api.MapGet("/{id:guid}/file", File).WithName("DownloadExport").WithSummary("Download an approved export, once")
            .WithDescription("The requester only. CSV whose first column, panah_export, holds the export id in every row, encrypted to the recipient's OpenPGP key (open with gpg --decrypt export-ID.csv.gpg). Not approved: 409; downloaded already: 409 (the plaintext is not kept; ask again). Audited as export.produce with the row count and every person in it.");
        api.MapGet("/recipients", async (ExportGate gate, CancellationToken ct) => TypedResults.Ok((await gate.RecipientsAsync(ct)).Select(ToDto).ToList()))
            .WithName("ListExportRecipients").WithSummary("The registered recipients");
        api.MapPost("/recipients", AddRecipient).WithName("AddExportRecipient").WithSummary("Register a recipient and their OpenPGP public key")
            .WithDescription("Name, organisation and the ASCII-armoured public key (gpg --armor --export). Audited.").RequireAuthorization(Policies.ExportApprove);
        api.MapDelete("/recipients/{id:int}", async Task<Results<NoContent, NotFound>> (int id, ExportGate gate, CancellationToken ct) =>
                await gate.RemoveRecipientAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RemoveExportRecipient").WithSummary("Remove a recipient: no new export may name them").RequireAuthorization(Policies.ExportApprove);

        app.MapGet("/api/v1/aggregates/people", Aggregate).WithTags("Exports").WithName("AggregatePeople").RequireAuthorization(Policies.Exports)
            .WithSummary("People by province, district and field office × sex × UNHCR age bracket, with households")
            .WithDescription("?format=csv (default) or xlsx. The second row holds the HXL hashtags (#adm1+name, #population+ind+f+age_12_17…). Counts below Panah:Exports:SuppressBelow (default 5) are empty cells, with secondary suppression so no hidden count follows from the totals. Within the caller's scope; audited.");
        return app;
    }

    private static async Task<Results<Created<ExportDto>, ValidationProblem>> Request(ExportRequestBody body, ExportGate gate, ActingStaff me, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!Enum.TryParse<ExportDataset>(body.Dataset, ignoreCase: true, out var dataset) || int.TryParse(body.Dataset, out _))
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["dataset"] = ["Exports.Error.Dataset"] }, l);
        }
        var outcome = await gate.RequestAsync(new ExportInput(body.Purpose, body.RecipientId, dataset, body.Columns ?? [], body.FieldOffice, body.District), ct);
        return outcome.Export is { } e
            ? TypedResults.Created($"/api/v1/exports/{e.Id}", ToDto(e, me.Id))
            : RegistryApi.Problem(Keys(outcome.Errors), l);
    }

    /// <summary>The gate's errors (resource keys by field) in the shape the pages' and the API's translation takes.</summary>
    public static IReadOnlyDictionary<string, List<string>> Keys(IReadOnlyDictionary<string, string[]>? errors) =>
        (errors ?? new Dictionary<string, string[]>()).ToDictionary(e => e.Key, e => e.Value.ToList());

    private static async Task<Results<Ok<ExportDto>, NotFound, ProblemHttpResult>> Decide(Task<ExportOutcome> step, ActingStaff me, IStringLocalizer l)
    {
        var outcome = await step;
        return outcome.Refusal switch
        {
            ExportRefusal.None => TypedResults.Ok(ToDto(outcome.Export!, me.Id)),
            ExportRefusal.NotFound => TypedResults.NotFound(),
            ExportRefusal.OwnRequest => TypedResults.Problem(Text(outcome, l), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(Text(outcome, l), statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static string? Text(ExportOutcome outcome, IStringLocalizer l) => outcome.Message is { } key ? RegistryMapping.Translate(l, key) : null;

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> File(Guid id, ExportGate gate, HttpResponse response, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (outcome, file) = await gate.ProduceAsync(id, ct);
        response.Headers.CacheControl = "no-store";
        return outcome.Refusal switch
        {
            ExportRefusal.None => TypedResults.File(file!.Encrypted, "application/pgp-encrypted", file.FileName),
            ExportRefusal.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(Text(outcome, l), statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Created<RecipientDto>, ValidationProblem>> AddRecipient(RecipientBody body, ExportGate gate, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var (recipient, errors) = await gate.AddRecipientAsync(body.Name, body.Organisation, body.PublicKey, ct);
        return recipient is null ? RegistryApi.Problem(Keys(errors), l) : TypedResults.Created($"/api/v1/exports/recipients/{recipient.Id}", ToDto(recipient));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Aggregate(string? format, AggregateExports aggregates, HttpResponse response, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        format = (format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["format"] = ["Exports.Error.Format"] }, l);
        }
        var table = await aggregates.PeopleAsync(format, ct);
        using var file = new MemoryStream();
        if (format == "csv")
        {
            using (var text = new StreamWriter(file, new System.Text.UTF8Encoding(false), leaveOpen: true))
            {
                AggregateFiles.WriteCsv(text, table);
            }
        }
        else
        {
            AggregateFiles.WriteXlsx(file, table);
        }
        response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.ToArray(), format == "csv" ? AggregateFiles.CsvType : AggregateFiles.XlsxType, $"people-aggregate.{format}");
    }

    public static RecipientDto ToDto(RecipientView r) => new(r.Id, r.Name, r.Organisation, r.Fingerprint, r.AddedAt);

    public static ExportDto ToDto(ExportView e, string me) => new(
        e.Id, e.Purpose, ToDto(e.Recipient), e.Dataset.ToString().ToLowerInvariant(), e.Columns, e.FieldOffice, e.District, e.Status,
        e.RowsAtRequest, e.RequestedAt, e.ExpiresAt, e.RequesterId == me, e.DecidedAt, e.ProducedAt, e.ProducedRows);
}
