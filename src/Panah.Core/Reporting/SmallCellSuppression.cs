namespace Panah.Core.Reporting;

/// <summary>
/// A two-way table of counts with its row, column and grand totals, where small counts are hidden. Primary:
/// every count from 1 to threshold − 1 (cells and totals) is hidden; a 0 is shown. Secondary: while a row or a
/// column (with its total) has exactly one hidden entry, the smallest other entry of that line is hidden too, so
/// no hidden count can be found by subtracting the shown ones from a total.
/// </summary>
public sealed class SuppressedTable
{
    private readonly int?[,] values;

    private SuppressedTable(int?[,] values) => this.values = values;

    public int Rows => values.GetLength(0) - 1;
    public int Columns => values.GetLength(1) - 1;

    /// <summary>A cell's count, or null when hidden.</summary>
    public int? Cell(int row, int column) => values[row, column];

    public int? RowTotal(int row) => values[row, Columns];
    public int? ColumnTotal(int column) => values[Rows, column];
    public int? GrandTotal => values[Rows, Columns];

    public static SuppressedTable Suppress(int[,] counts, int threshold)
    {
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        // The table with its totals as one more row and column: each line is then a sum that must not give a hidden entry away.
        var full = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                full[r, c] = counts[r, c];
                full[r, columns] += counts[r, c];
                full[rows, c] += counts[r, c];
                full[rows, columns] += counts[r, c];
            }
        }
        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                hidden[r, c] = full[r, c] > 0 && full[r, c] < threshold;
            }
        }
        var lines = Enumerable.Range(0, rows + 1).Select(r => Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToList())
            .Concat(Enumerable.Range(0, columns + 1).Select(c => Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToList()))
            .ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(p => hidden[p.r, p.c]) != 1)
                {
                    continue;
                }
                // Hide the smallest shown entry, a 0 included: a shown 0 next to one hidden cell still reveals it.
                var (r, c) = line.Where(p => !hidden[p.r, p.c]).OrderBy(p => full[p.r, p.c]).ThenBy(p => p.r).ThenBy(p => p.c).First();
                hidden[r, c] = true;
                changed = true;
            }
        }
        var result = new int?[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                result[r, c] = hidden[r, c] ? null : full[r, c];
            }
        }
        return new SuppressedTable(result);
    }
}
