using System.Buffers.Binary;
using SkiaSharp;

namespace Panah.Web.Tests.Protection;

/// <summary>Test images built here: a JPEG carrying GPS EXIF (as a phone writes it), a PNG, and PNG headers that lie.</summary>
public static class Photos
{
    public static byte[] Encode(SKEncodedImageFormat format, int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SkyBlue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment whose GPS directory says latitude 41° N (Istanbul), right after its start marker.</summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Encode(SKEncodedImageFormat.Jpeg);
        var tiff = new byte[80];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        // IFD0: one entry, the pointer to the GPS directory at 26.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 1);
        Entry(tiff, 10, 0x8825, 4, 1, 26);
        // GPS directory: latitude reference "N", latitude as three rationals at 56.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(26), 2);
        Entry(tiff, 28, 0x0001, 2, 2, 'N');
        Entry(tiff, 40, 0x0002, 5, 3, 56);
        uint[] rationals = [41, 1, 0, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(56 + (4 * i)), rationals[i]);
        }
        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = (ushort)(2 + 6 + tiff.Length);
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>A real PNG whose header claims <paramref name="width"/> × <paramref name="height"/> (a decompression bomb's header), with a valid CRC.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Encode(SKEncodedImageFormat.Png);
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the CRC covers type and data (17 bytes).
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
