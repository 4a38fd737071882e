using System.Diagnostics;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>Records when each stage of a run was first and last reported (synchronously, unlike Progress&lt;T&gt;).</summary>
internal sealed class StageTimer : IProgress<DedupeProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Stage, double Start, double End)> _stages = [];

    public void Report(DedupeProgress value)
    {
        lock (_stages)
        {
            var now = _clock.Elapsed.TotalSeconds;
            if (_stages.Count > 0 && _stages[^1].Stage == value.Stage)
                _stages[^1] = (value.Stage, _stages[^1].Start, now);
            else
                _stages.Add((value.Stage, _stages.Count > 0 ? _stages[^1].End : 0, now));
        }
    }

    public override string ToString() => string.Join(", ", _stages.Select(s => $"{s.Stage} {s.End - s.Start:F1} s"));
}
