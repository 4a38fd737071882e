using Microsoft.Extensions.Time.Testing;
using Panah.Data.Registry;

namespace Panah.Web.Tests.Registry;

public sealed class ListCountsTests
{
    [Fact]
    public async Task Arbitrary_filter_strings_cannot_grow_the_cache_without_bound()
    {
        var counts = new ListCounts(new FakeTimeProvider());
        for (var i = 0; i < 20_000; i++)
        {
            Assert.Equal(i, await counts.GetAsync($"people|district-{i}", () => Task.FromResult(i)));
        }
        Assert.InRange(counts.Remembered, 1, ListCounts.Capacity);
    }

    [Fact]
    public async Task A_remembered_total_is_served_until_it_expires()
    {
        var clock = new FakeTimeProvider();
        var counts = new ListCounts(clock);
        var counted = 0;
        Task<int> Count() => Task.FromResult(++counted);
        Assert.Equal(1, await counts.GetAsync("people|Fatih", Count));
        Assert.Equal(1, await counts.GetAsync("people|Fatih", Count));
        clock.Advance(ListCounts.Lifetime);
        Assert.Equal(2, await counts.GetAsync("people|Fatih", Count));
    }

    [Fact]
    public async Task When_full_expired_totals_make_room_for_new_ones()
    {
        var clock = new FakeTimeProvider();
        var counts = new ListCounts(clock);
        for (var i = 0; i < ListCounts.Capacity; i++)
        {
            await counts.GetAsync($"old-{i}", () => Task.FromResult(i));
        }
        clock.Advance(ListCounts.Lifetime);
        var counted = 0;
        await counts.GetAsync("new", () => Task.FromResult(++counted));
        await counts.GetAsync("new", () => Task.FromResult(++counted));
        Assert.Equal(1, counted);
        Assert.Equal(1, counts.Remembered);
    }
}
