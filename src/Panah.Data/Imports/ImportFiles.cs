using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;
using Panah.Core.Imports;
using Panah.Data.Validation;

namespace Panah.Data.Imports;

/// <summary>
/// Reads an uploaded CSV or XLSX into sheets of text cells. An XLSX is checked before it is opened: a zip whose
/// parts would unpack beyond <see cref="MaxUnpackedBytes"/> (a zip bomb) or that is cut short is refused as a whole,
/// with a message, and nothing of it is imported. A CSV must be UTF-8.
/// </summary>
public static class ImportFiles
{
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;

    public static IReadOnlyList<ImportSheet> Read(Stream file, string fileName)
    {
        try
        {
            return fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Xlsx(file) : [Csv(file, Path.GetFileNameWithoutExtension(fileName))];
        }
        catch (DecoderFallbackException)
        {
            throw new FieldException("file", "Import.NotUtf8");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FieldException("file", "Import.Unreadable");
        }
    }

    private static ImportSheet Csv(Stream file, string name)
    {
        using var text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = true, DisableColCountCheck = true }).From(text);
        var headers = reader.Header.ColNames.ToList();
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[headers.Count];
            for (var i = 0; i < headers.Count && i < row.ColCount; i++)
            {
                cells[i] = row[i].ToString();
            }
            rows.Add(cells);
        }
        return new ImportSheet(name, headers, rows);
    }

    private static IReadOnlyList<ImportSheet> Xlsx(Stream file)
    {
        var buffered = new MemoryStream();
        file.CopyTo(buffered);
        buffered.Position = 0;
        using (var zip = new ZipArchive(buffered, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new FieldException("file", "Import.TooLarge");
            }
        }
        buffered.Position = 0;
        var sheets = new List<ImportSheet>();
        foreach (var name in buffered.GetSheetNames())
        {
            buffered.Position = 0;
            List<string>? headers = null;
            var rows = new List<string[]>();
            foreach (IDictionary<string, object?> row in buffered.Query(useHeaderRow: false, sheetName: name))
            {
                var cells = row.Values.Select(Text).ToArray();
                if (headers is null)
                {
                    headers = [.. cells];
                    continue;
                }
                rows.Add(cells);
            }
            sheets.Add(new ImportSheet(name, headers ?? [], rows));
        }
        return sheets;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
