using Panah.Data.Matching;

namespace Panah.Web.Tests.Matching;

/// <summary>The change cursor: ids handed out before commit become visible out of order, and a rolled-back one never.</summary>
public sealed class MatchIndexCursorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_change_that_commits_after_a_higher_id_is_still_applied()
    {
        var cursor = new MatchIndexCursor { GapTimeout = TimeSpan.FromSeconds(60) };
        cursor.Start(10);

        // 11 is still uncommitted when 12 is read: 12 is applied, the cursor waits at 10.
        Assert.Equal([12L], cursor.Take([12], T0));
        Assert.Equal(10, cursor.Through);
        // 11 commits: applied once, 12 not again, and the cursor moves over both.
        Assert.Equal([11L], cursor.Take([11, 12], T0.AddSeconds(5)));
        Assert.Equal(12, cursor.Through);
    }

    [Fact]
    public void A_rolled_back_id_holds_the_cursor_only_until_the_gap_timeout()
    {
        var cursor = new MatchIndexCursor { GapTimeout = TimeSpan.FromSeconds(60) };
        cursor.Start(0);
        Assert.Equal([1L, 3L], cursor.Take([1, 3], T0));
        Assert.Equal(1, cursor.Through);
        Assert.Empty(cursor.Take([3], T0.AddSeconds(59)));
        Assert.Equal(1, cursor.Through);
        Assert.Empty(cursor.Take([3], T0.AddSeconds(60)));
        Assert.Equal(3, cursor.Through);
    }

    [Fact]
    public void The_nodes_own_changes_are_not_applied_again()
    {
        var cursor = new MatchIndexCursor();
        cursor.Start(5);
        cursor.NoteOwn(6);
        Assert.Equal([7L], cursor.Take([6, 7], T0));
        Assert.Equal(7, cursor.Through);
    }
}
