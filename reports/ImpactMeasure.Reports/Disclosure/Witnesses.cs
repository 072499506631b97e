namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The lowest and highest value each hidden cell has taken in the feasible solutions the audit's programs
/// have found so far (the true counts being the first). The attacker's feasible set is convex, so every value
/// between the two is possible too: a cell whose witnessed span already holds <c>threshold</c> whole numbers needs
/// no program of its own. One program's optimum moves a whole cycle of cells, so most cells are certified by
/// their neighbours' programs.</summary>
public sealed class Witnesses
{
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly Lock _gate = new();

    private long _programs;
    private List<IReadOnlyList<(int Cell, double Value)>>? _pending;

    public Witnesses(Release release)
    {
        _low = release.Values.Select(v => (double)v).ToArray();
        _high = (double[])_low.Clone();
    }

    /// <summary>How many solutions have been recorded: the programs the audit solved.</summary>
    public long Programs => Interlocked.Read(ref _programs);

    /// <summary>Records one feasible solution of the attacker's program (every cell not listed at its true value).
    /// Solutions stay feasible when more cells are hidden (a newly hidden cell keeps its true value), so the
    /// witnesses serve every round of the audit.</summary>
    public void Record(IReadOnlyList<(int Cell, double Value)> solution)
    {
        lock (_gate)
        {
            _programs++;
            if (_pending is not null)
                _pending.Add(solution);
            else
                Apply(solution);
        }
    }

    /// <summary>Holds back the solutions recorded until the batch is disposed, so that cells audited side by side
    /// within it see the same witnesses whatever order the threads run in: the audit's result does not depend on
    /// timing.</summary>
    public IDisposable Batch()
    {
        lock (_gate)
            _pending = [];
        return new BatchEnd(this);
    }

    private void EndBatch()
    {
        lock (_gate)
        {
            foreach (var solution in _pending ?? [])
                Apply(solution);
            _pending = null;
        }
    }

    private void Apply(IReadOnlyList<(int Cell, double Value)> solution)
    {
        foreach (var (cell, value) in solution)
        {
            _low[cell] = Math.Min(_low[cell], value);
            _high[cell] = Math.Max(_high[cell], value);
        }
    }

    private sealed class BatchEnd(Witnesses witnesses) : IDisposable
    {
        public void Dispose() => witnesses.EndBatch();
    }

    /// <summary>The witnessed range of a cell, widened to <c>alsoSeen</c> (a value of the caller's own solution not yet
    /// recorded), when it already leaves <c>threshold</c> possible values.</summary>
    public FeasibleRanges.Range? Certify(int cell, int threshold, double? alsoSeen = null)
    {
        FeasibleRanges.Range range;
        lock (_gate)
            range = new FeasibleRanges.Range(cell, Math.Min(_low[cell], alsoSeen ?? _low[cell]), Math.Max(_high[cell], alsoSeen ?? _high[cell]));
        return range.PossibleValues >= threshold ? range : null;
    }
}
