using Panah.Core.Reporting;

namespace Panah.Core.Tests.Reporting;

public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void Small_counts_are_hidden_and_a_second_cell_protects_each_from_its_totals()
    {
        int[,] counts = { { 3, 10, 12, 20, 6 }, { 8, 9, 11, 25, 7 } };
        var t = SuppressedTable.Suppress(counts, 5);

        // 3 is small; its row then hides 6, and its columns hide 8 and 7 below them. Totals stay shown.
        Assert.Equal([null, 10, 12, 20, null], Row(t, 0));
        Assert.Equal([null, 9, 11, 25, null], Row(t, 1));
        Assert.Equal(51, t.RowTotal(0));
        Assert.Equal(60, t.RowTotal(1));
        Assert.Equal([11, 19, 23, 45, 13], Enumerable.Range(0, 5).Select(t.ColumnTotal));
        Assert.Equal(111, t.GrandTotal);
    }

    [Fact]
    public void Nothing_small_hides_nothing_and_zeros_alone_are_shown()
    {
        var t = SuppressedTable.Suppress(new[,] { { 0, 10 }, { 6, 7 } }, 5);
        Assert.Equal([0, 10], Row(t, 0));
        Assert.Equal([6, 7], Row(t, 1));
    }

    [Fact]
    public void A_small_total_is_hidden_too()
    {
        var t = SuppressedTable.Suppress(new[,] { { 2, 0 }, { 30, 40 } }, 5);
        Assert.Null(t.RowTotal(0));
        Assert.Null(t.Cell(0, 0));
    }

    [Fact]
    public void The_threshold_is_a_parameter()
    {
        var t = SuppressedTable.Suppress(new[,] { { 7, 20 }, { 30, 40 } }, 10);
        Assert.Null(t.Cell(0, 0));
        Assert.Equal(7, SuppressedTable.Suppress(new[,] { { 7, 20 }, { 30, 40 } }, 5).Cell(0, 0));
    }

    [Fact]
    public void No_row_or_column_ever_has_exactly_one_hidden_entry()
    {
        var random = new Random(42);
        for (var run = 0; run < 500; run++)
        {
            var counts = new int[random.Next(1, 4), random.Next(1, 6)];
            for (var r = 0; r < counts.GetLength(0); r++)
            {
                for (var c = 0; c < counts.GetLength(1); c++)
                {
                    counts[r, c] = random.Next(0, 4) == 0 ? random.Next(1, 5) : random.Next(0, 40);
                }
            }
            var t = SuppressedTable.Suppress(counts, 5);
            int?[,] full = Full(t);
            for (var r = 0; r <= t.Rows; r++)
            {
                Assert.NotEqual(1, Enumerable.Range(0, t.Columns + 1).Count(c => full[r, c] is null));
            }
            for (var c = 0; c <= t.Columns; c++)
            {
                Assert.NotEqual(1, Enumerable.Range(0, t.Rows + 1).Count(r => full[r, c] is null));
            }
            for (var r = 0; r < t.Rows; r++)
            {
                for (var c = 0; c < t.Columns; c++)
                {
                    Assert.True(counts[r, c] is 0 or >= 5 || t.Cell(r, c) is null);
                    Assert.True(t.Cell(r, c) is null || t.Cell(r, c) == counts[r, c]);
                }
            }
        }
    }

    private static int?[] Row(SuppressedTable t, int row) => [.. Enumerable.Range(0, t.Columns).Select(c => t.Cell(row, c))];

    private static int?[,] Full(SuppressedTable t)
    {
        var full = new int?[t.Rows + 1, t.Columns + 1];
        for (var r = 0; r <= t.Rows; r++)
        {
            for (var c = 0; c <= t.Columns; c++)
            {
                full[r, c] = r == t.Rows ? (c == t.Columns ? t.GrandTotal : t.ColumnTotal(c)) : c == t.Columns ? t.RowTotal(r) : t.Cell(r, c);
            }
        }
        return full;
    }
}
