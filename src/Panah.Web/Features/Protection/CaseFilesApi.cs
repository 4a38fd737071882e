using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Protection;
using Panah.Data.Uploads;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Protection;

/// <summary>
/// <c>/api/v1/protection/cases/{id}/notes|attachments</c>: a case's notes and its photos and scanned documents. An
/// upload is the request body itself (its kind told by its content); the file name, being possibly personal, travels
/// in the <c>X-File-Name</c> header (URL-encoded), never in the URL, and is not given back on download. Any declared
/// content type is taken (no accepts-list, which would answer 415 before the kind is told by the bytes).
/// </summary>
public static class CaseFilesApi
{
    public const string FileNameHeader = "X-File-Name";

    public static IEndpointRouteBuilder MapCaseFilesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/protection/cases/{id:guid}").WithTags("Protection").RequireAuthorization(Policies.Protection);
        read.MapGet("/notes", async Task<Results<Ok<List<NoteDto>>, NotFound>> (Guid id, CaseFiles files, CancellationToken ct) =>
                await files.NotesAsync(id, ct) is { } notes ? TypedResults.Ok(notes.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithName("ListCaseNotes");
        read.MapGet("/attachments", async Task<Results<Ok<List<AttachmentDto>>, NotFound>> (Guid id, CaseFiles files, CancellationToken ct) =>
                await files.AttachmentsAsync(id, ct) is { } list ? TypedResults.Ok(list.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithName("ListCaseAttachments");
        read.MapGet("/attachments/{attachmentId:guid}", Download).WithName("DownloadCaseAttachment");

        var work = app.MapGroup("/api/v1/protection/cases/{id:guid}").WithTags("Protection").RequireAuthorization(Policies.ProtectionWork);
        work.MapPost("/notes", AddNote).WithName("AddCaseNote");
        work.MapPost("/attachments", Upload).WithName("AddCaseAttachment");
        return app;
    }

    private static async Task<IResult> AddNote(Guid id, NoteBody? body, CaseFiles files, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            return await files.AddNoteAsync(id, body?.Text, ct) is { } note ? TypedResults.Created((string?)null, ToDto(note)) : TypedResults.NotFound();
        }
        catch (CaseRefusedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: l[e.Code], type: e.Code);
        }
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest request, CaseFiles files, UploadSanitiser sanitiser, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var content = await ReadLimitedAsync(request.Body, sanitiser.Limits.MaxBytes, ct);
        var name = request.Headers[FileNameHeader].FirstOrDefault() is { Length: > 0 } raw ? Uri.UnescapeDataString(raw) : null;
        try
        {
            if (content is null)
            {
                throw new UploadRefusedException(UploadRefusal.TooLarge);
            }
            return await files.AddAttachmentAsync(id, name, content, ct) is { } view ? TypedResults.Created((string?)null, ToDto(view)) : TypedResults.NotFound();
        }
        catch (UploadRefusedException e)
        {
            var code = $"Protection.Upload{e.Reason}";
            return TypedResults.Problem(statusCode: e.Reason == UploadRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, title: l[code], type: code);
        }
    }

    /// <summary>The decrypted bytes, as an attachment named by its id only, never sniffed, cached or run as a page.</summary>
    private static async Task<IResult> Download(Guid id, Guid attachmentId, CaseFiles files, HttpResponse response, CancellationToken ct)
    {
        if (await files.ContentAsync(id, attachmentId, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(file.Upload.Content, file.Upload.ContentType, $"attachment-{file.Id:N}{file.Upload.Extension}");
    }

    /// <summary>Reads the body up to the limit; null when it is longer, so a huge body is never held whole.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static NoteDto ToDto(NoteView n) => new(n.Id, n.WrittenBy, n.WrittenAt, n.Text);

    private static AttachmentDto ToDto(AttachmentView a) => new(a.Id, a.Kind.ToString(), a.Size, a.UploadedBy, a.UploadedAt, a.FileName);
}

public sealed record NoteBody(string? Text = null);

public sealed record NoteDto(Guid Id, string WrittenBy, DateTimeOffset WrittenAt, string Text);

/// <summary>Kind: <c>Jpeg</c>, <c>Png</c> or <c>Pdf</c>.</summary>
public sealed record AttachmentDto(Guid Id, string Kind, int Size, string UploadedBy, DateTimeOffset UploadedAt, string? FileName);
