using PdfSharp.Drawing;
using QRCoder;

namespace Panah.Data.Documents;

/// <summary>QR codes in Panah's PDFs (food cards, certificates).</summary>
internal static class PdfQr
{
    /// <summary>The payload as vector modules, one rectangle per run of dark modules in a row: sharp at any printer resolution, small in the file.</summary>
    public static void Draw(XGraphics g, double x, double y, double size, string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        var runs = new List<XRect>();
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            for (var col = 0; col < bits.Length;)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }
                var start = col;
                while (col < bits.Length && bits[col])
                {
                    col++;
                }
                // A hair wider than the module so that neighbouring rows print without white seams.
                runs.Add(new XRect(x + (start * module), y + (row * module), (col - start) * module, module + 0.01));
            }
        }
        g.DrawRectangles(XBrushes.Black, runs.ToArray());
    }
}
