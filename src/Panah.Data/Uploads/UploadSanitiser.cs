using SkiaSharp;

namespace Panah.Data.Uploads;

/// <summary>The limits an upload must keep; <c>Panah:Uploads:MaxBytes</c> and <c>Panah:Uploads:MaxPixels</c> replace the defaults.</summary>
public sealed record UploadLimits(long MaxBytes = 10 * 1024 * 1024, long MaxPixels = 40_000_000)
{
    public const string Section = "Panah:Uploads";
}

/// <summary>What an upload became once sanitised: its kind (from its content), and bytes carrying no metadata.</summary>
public sealed record SanitisedUpload(UploadKind Kind, byte[] Content)
{
    public string ContentType => Kind switch
    {
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        _ => "application/pdf",
    };

    public string Extension => Kind switch
    {
        UploadKind.Jpeg => ".jpg",
        UploadKind.Png => ".png",
        _ => ".pdf",
    };
}

public enum UploadKind
{
    Jpeg,
    Png,
    Pdf,
}

public enum UploadRefusal
{
    TooLarge,
    NotAccepted,
    Unreadable,
    TooManyPixels,
}

public sealed class UploadRefusedException(UploadRefusal reason) : Exception($"Upload refused: {reason}.")
{
    public UploadRefusal Reason { get; } = reason;
}

/// <summary>
/// Accepts only JPEG, PNG and PDF, told by their first bytes (never by the name or the declared type, which the
/// sender chooses). Images are decoded and encoded again, so nothing but pixels survives: no EXIF (GPS of where a
/// photo of a child was taken), XMP, IPTC, comments, nor anything appended after the image (polyglots). The pixel
/// count is read from the header and refused before decoding, so a small file cannot unpack into gigabytes.
/// PDFs are rewritten by <see cref="PdfScrubber"/>.
/// </summary>
public sealed class UploadSanitiser(UploadLimits limits)
{
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    public UploadLimits Limits => limits;

    public static UploadKind? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(JpegMagic) ? UploadKind.Jpeg
        : content.StartsWith(PngMagic) ? UploadKind.Png
        : content.StartsWith(PdfMagic) ? UploadKind.Pdf
        : null;

    public SanitisedUpload Sanitise(byte[] content)
    {
        if (content.LongLength > limits.MaxBytes)
        {
            throw new UploadRefusedException(UploadRefusal.TooLarge);
        }
        var kind = Detect(content) ?? throw new UploadRefusedException(UploadRefusal.NotAccepted);
        return kind == UploadKind.Pdf
            ? new SanitisedUpload(kind, PdfScrubber.Scrub(content))
            : new SanitisedUpload(kind, ReEncode(content, kind));
    }

    private byte[] ReEncode(byte[] content, UploadKind kind)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data) ?? throw new UploadRefusedException(UploadRefusal.Unreadable);
        var expected = kind == UploadKind.Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        if (codec.EncodedFormat != expected)
        {
            throw new UploadRefusedException(UploadRefusal.NotAccepted);
        }
        if ((long)codec.Info.Width * codec.Info.Height > limits.MaxPixels)
        {
            throw new UploadRefusedException(UploadRefusal.TooManyPixels);
        }
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, kind == UploadKind.Png ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        using var decoded = new SKBitmap(info);
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            throw new UploadRefusedException(UploadRefusal.Unreadable);
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(expected, 90) ?? throw new UploadRefusedException(UploadRefusal.Unreadable);
        return encoded.ToArray();
    }

    /// <summary>The orientation lived in the EXIF that is dropped, so the pixels are turned as the camera meant them.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        var sideways = degrees is 90 or 270;
        var result = new SKBitmap(new SKImageInfo(sideways ? source.Height : source.Width, sideways ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Translate(result.Width / 2f, result.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0, SKSamplingOptions.Default, null);
        return result;
    }
}
