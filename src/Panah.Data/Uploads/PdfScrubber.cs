using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Panah.Data.Uploads;

/// <summary>
/// A PDF (a scanned document) is kept as a PDF but rewritten: the document information (author, creator software,
/// dates), the XMP metadata stream and anything that runs on opening (open action, additional actions, JavaScript,
/// embedded files) are removed, and the file is saved anew, so bytes appended after its end (polyglots) are gone.
/// Metadata inside embedded images is not rewritten: scans are taken as images when that matters.
/// </summary>
public static class PdfScrubber
{
    private static readonly string[] CatalogKeys = ["/Metadata", "/OpenAction", "/AA", "/Names", "/AcroForm"];

    public static byte[] Scrub(byte[] content)
    {
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(content, writable: false), PdfDocumentOpenMode.Modify);
        }
        // PDFsharp fails on a damaged file with many exception types; any of them means the file is not taken.
        catch (Exception e) when (e is not OutOfMemoryException and not UploadRefusedException)
        {
            throw new UploadRefusedException(UploadRefusal.Unreadable);
        }
        using (document)
        {
            if (document.PageCount == 0)
            {
                throw new UploadRefusedException(UploadRefusal.Unreadable);
            }
            foreach (var key in CatalogKeys)
            {
                document.Internals.Catalog.Elements.Remove(key);
            }
            document.Info.Elements.Clear();
            foreach (var page in document.Pages)
            {
                page.Elements.Remove("/AA");
                page.Elements.Remove("/Metadata");
            }
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
    }
}
