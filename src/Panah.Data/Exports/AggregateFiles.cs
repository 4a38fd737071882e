using System.Globalization;
using MiniExcelLibs;
using Panah.Core;
using Panah.Core.Reporting;

namespace Panah.Data.Exports;

/// <summary>
/// The standard aggregate table as files: a header row, the HXL hashtag row second (as HXL wants it, so HDX and HXL
/// Proxy read the file as it is), then one row per place and the totals; a hidden count is an empty cell.
/// </summary>
public static class AggregateFiles
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void WriteCsv(TextWriter to, PeopleAggregate table)
    {
        using var writer = CsvText.Writer(to, [.. PeopleAggregate.Columns.Select(c => c.Header)]);
        using (var tags = writer.NewRow())
        {
            foreach (var c in PeopleAggregate.Columns)
            {
                tags[c.Header].Set(c.Hashtag);
            }
        }
        foreach (var row in table.Rows())
        {
            using var line = writer.NewRow();
            var i = 0;
            foreach (var cell in row.Cells())
            {
                line[PeopleAggregate.Columns[i++].Header].Set(cell switch
                {
                    null => "",
                    int n => n.ToString(CultureInfo.InvariantCulture),
                    var text => CsvText.Safe(text.ToString()),
                });
            }
        }
    }

    public static void WriteXlsx(Stream to, PeopleAggregate table)
    {
        var rows = new List<Dictionary<string, object?>>
        {
            PeopleAggregate.Columns.ToDictionary(c => c.Header, c => (object?)c.Hashtag),
        };
        foreach (var row in table.Rows())
        {
            var line = new Dictionary<string, object?>();
            var i = 0;
            foreach (var cell in row.Cells())
            {
                line[PeopleAggregate.Columns[i++].Header] = cell is string text ? CsvText.Safe(text) : cell;
            }
            rows.Add(line);
        }
        to.SaveAs(rows, sheetName: "people");
    }
}
