using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Panah.Data.Uploads;
using PdfSharp.Pdf;
using SkiaSharp;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace Panah.Web.Tests.Protection;

public sealed class UploadSanitiserTests
{
    private readonly UploadSanitiser sanitiser = new(new UploadLimits());

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    [Fact]
    public void A_photo_loses_its_gps_position_and_every_exif_directory()
    {
        var photo = Photos.JpegWithGps();
        var gps = Metadata(photo).OfType<GpsDirectory>().Single();
        Assert.Equal("N", gps.GetString(GpsDirectory.TagLatitudeRef));

        var clean = sanitiser.Sanitise(photo);

        Assert.Equal(UploadKind.Jpeg, clean.Kind);
        Assert.Empty(Metadata(clean.Content).OfType<GpsDirectory>());
        Assert.Empty(Metadata(clean.Content).OfType<ExifDirectoryBase>());
        using var decoded = SKBitmap.Decode(clean.Content);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void The_kind_is_told_by_the_content_not_the_name_and_anything_else_is_refused()
    {
        Assert.Equal(UploadKind.Png, sanitiser.Sanitise(Photos.Encode(SKEncodedImageFormat.Png)).Kind);
        Assert.Equal(UploadRefusal.NotAccepted, Refusal("<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal(UploadRefusal.NotAccepted, Refusal(Photos.Encode(SKEncodedImageFormat.Webp)));
        Assert.Equal(UploadRefusal.NotAccepted, Refusal([]));
        // A PNG signature in front of a JPEG: the decoder finds no PNG.
        byte[] disguised = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Photos.Encode(SKEncodedImageFormat.Jpeg)];
        Assert.Equal(UploadRefusal.Unreadable, Refusal(disguised));
    }

    [Fact]
    public void A_truncated_image_is_refused()
    {
        var jpeg = Photos.Encode(SKEncodedImageFormat.Jpeg, 400, 300);
        Assert.Equal(UploadRefusal.Unreadable, Refusal(jpeg[..(jpeg.Length / 3)]));
        var png = Photos.Encode(SKEncodedImageFormat.Png, 400, 300);
        Assert.Equal(UploadRefusal.Unreadable, Refusal(png[..(png.Length / 2)]));
    }

    [Fact]
    public void A_header_claiming_huge_dimensions_is_refused_before_decoding()
    {
        Assert.Equal(UploadRefusal.TooManyPixels, Refusal(Photos.PngClaiming(50_000, 50_000)));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var small = new UploadSanitiser(new UploadLimits(MaxBytes: 100));
        var refused = Assert.Throws<UploadRefusedException>(() => small.Sanitise(Photos.Encode(SKEncodedImageFormat.Jpeg)));
        Assert.Equal(UploadRefusal.TooLarge, refused.Reason);
    }

    [Fact]
    public void A_polyglot_loses_what_follows_the_image()
    {
        var payload = "PK\u0003\u0004<script>canarypolyglot</script>"u8.ToArray();
        byte[] polyglot = [.. Photos.JpegWithGps(), .. payload];

        var clean = sanitiser.Sanitise(polyglot);

        Assert.DoesNotContain("canarypolyglot", Encoding.Latin1.GetString(clean.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_keeps_its_pages_and_loses_its_author_and_what_was_appended()
    {
        var document = new PdfDocument();
        document.AddPage();
        document.Info.Author = "Canaryauthor";
        document.Info.Title = "Canarytitle";
        using var written = new MemoryStream();
        document.Save(written, closeStream: false);
        byte[] pdf = [.. written.ToArray(), .. "\n<script>canaryappended</script>"u8.ToArray()];

        var clean = sanitiser.Sanitise(pdf);

        Assert.Equal(UploadKind.Pdf, clean.Kind);
        var text = Encoding.Latin1.GetString(clean.Content);
        Assert.DoesNotContain("Canaryauthor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Canarytitle", text, StringComparison.Ordinal);
        Assert.DoesNotContain("canaryappended", text, StringComparison.Ordinal);
        using var read = PigDocument.Open(clean.Content);
        Assert.Equal(1, read.NumberOfPages);
        Assert.True(string.IsNullOrEmpty(read.Information.Author));
    }

    [Fact]
    public void A_damaged_pdf_is_refused()
    {
        Assert.Equal(UploadRefusal.Unreadable, Refusal("%PDF-1.7\n1 0 obj << /Type /Catalog"u8.ToArray()));
    }

    private UploadRefusal Refusal(byte[] content) => Assert.Throws<UploadRefusedException>(() => sanitiser.Sanitise(content)).Reason;
}
