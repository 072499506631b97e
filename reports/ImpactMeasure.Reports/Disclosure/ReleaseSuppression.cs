namespace ImpactMeasure.Reports.Disclosure;

/// <summary>METHODS §7 over a whole release. Primary suppression hides counts of 1 to the threshold. Complementary
/// suppression then works line by line over every identity of the release (as τ-ARGUS's hypercube method does, a
/// line at a time, until no line changes): a line may not hide exactly one cell, and the hidden cells of a line
/// must leave each of them at least <c>threshold</c> possible values. Lines interact, so a linear-programming audit
/// (<see cref="FeasibleRanges"/>) then finds each hidden cell's feasible range using every identity at once, and any
/// cell still narrowed below the threshold gets complements from <see cref="ComplementSearch"/>; the two steps repeat
/// until the audit passes. The line rule takes the cheapest published non-zero cell (its value; the release's totals
/// far dearer); zeros are never hidden, so a hidden cell is known to be at least 1 and the audit assumes so.</summary>
public static class ReleaseSuppression
{
    public static Disclosure Protect(Release release, int threshold, int rounding = 0)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (threshold < 1)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the suppression threshold is at least 1");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var identities = ReleaseIdentities.Build(release);
        var identitiesTime = clock.Elapsed;
        var state = new State(release, new IdentityIndex(release, identities), threshold);
        for (var i = 0; i < release.Values.Count; i++)
        {
            if (release.Values[i] >= 1 && release.Values[i] <= threshold)
                state.Hide(i);
        }
        var primary = state.HiddenCount;
        List<FeasibleRanges.Range> weak;
        var witnesses = new Witnesses(release);
        var (rounds, lineRule, audit, complements) = (0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        while (true)
        {
            rounds++;
            clock.Restart();
            state.RunLineRule();
            lineRule += clock.Elapsed;
            clock.Restart();
            var ranges = FeasibleRanges.Compute(release, state.Index, state.Hidden, threshold, c => !state.Certified.Contains(c), witnesses);
            weak = ranges.Where(r => r.PossibleValues < threshold).ToList();
            state.Certified.UnionWith(ranges.Where(r => r.PossibleValues >= threshold).Select(r => r.Cell));
            audit += clock.Elapsed;
            if (weak.Count == 0)
                break;
            clock.Restart();
            var changed = state.HideComplementsFor(weak);
            complements += clock.Elapsed;
            if (!changed)
                break;
        }
        var hidden = Enumerable.Range(0, release.Keys.Count).Where(i => state.Hidden[i]).Select(i => release.Keys[i]);
        return new Disclosure(hidden, threshold, primary, state.HiddenCount - primary, rounding)
        {
            Unprotected = weak.Select(w => release.Keys[w.Cell]).ToList(),
            Statistics = new ProtectionStatistics(release.Keys.Count, identities.Count, rounds, identitiesTime, lineRule, audit, witnesses.Programs, complements),
        };
    }

    /// <summary>The hidden cells and the lines still to look at.</summary>
    private sealed class State
    {
        private readonly Release _release;
        private readonly IReadOnlyList<Identity> _identities;
        private readonly Queue<int> _queue = new();
        private readonly bool[] _queued;
        private readonly int _threshold;

        public State(Release release, IdentityIndex index, int threshold)
        {
            _release = release;
            Index = index;
            _identities = index.Identities;
            _threshold = threshold;
            Hidden = new bool[release.Keys.Count];
            _queued = new bool[_identities.Count];
        }

        public IdentityIndex Index { get; }

        public bool[] Hidden { get; }

        public int HiddenCount { get; private set; }

        public void Hide(int cell)
        {
            if (Hidden[cell])
                return;
            Hidden[cell] = true;
            HiddenCount++;
            foreach (var (line, _) in Index.LinesOf[cell])
            {
                if (!_queued[line])
                {
                    _queued[line] = true;
                    _queue.Enqueue(line);
                }
            }
        }

        public void RunLineRule()
        {
            while (_queue.Count > 0)
            {
                var line = _queue.Dequeue();
                _queued[line] = false;
                if (!Safe(_identities[line]) && Complement(_identities[line].Cells) is { } cell)
                    Hide(cell);
            }
        }

        /// <summary>Cells shown safe by the audit or by the complement search with nothing moved; hiding more only
        /// widens a range, so they stay safe and are not audited again.</summary>
        public HashSet<int> Certified { get; } = [];

        /// <summary>Hides the complements <see cref="ComplementSearch"/> finds for the weak cells; true when anything
        /// changed (a complement hidden, or a cell found safe). The searches run side by side against the same hidden
        /// cells and are applied in order, so the result does not depend on timing; a complement one search chose may
        /// have been unneeded after another's (on a national release, 12 more in 10,300), which costs a little
        /// information and never protection.</summary>
        public bool HideComplementsFor(List<FeasibleRanges.Range> weak)
        {
            var found = new IReadOnlyList<int>?[weak.Count];
            var search = new ComplementSearch(_release, Index, Hidden, _threshold, Cost);
            Parallel.For(0, weak.Count, FeasibleRanges.OneThreadPerCore, i => found[i] = search.For(weak[i]));
            var changed = false;
            for (var i = 0; i < weak.Count; i++)
            {
                if (found[i] is not { } complements)
                    continue;
                if (complements.Count == 0)
                    changed |= Certified.Add(weak[i].Cell);
                foreach (var cell in complements)
                    Hide(cell);
                changed |= complements.Count > 0;
            }
            return changed;
        }

        private int? Complement(IEnumerable<int> cells)
        {
            int? best = null;
            foreach (var c in cells)
            {
                if (Hidden[c] || _release.Values[c] == 0)
                    continue;
                if (best is null || Cost(c) < Cost(best.Value) || (Cost(c) == Cost(best.Value) && c < best))
                    best = c;
            }
            return best;
        }

        // The information lost by hiding a cell: its value, and far more for the release's totals (the area over
        // the whole window), which readers need most; they are hidden only when nothing else protects a cell.
        private long Cost(int cell)
        {
            var key = _release.Keys[cell];
            var total = key.Geo == CellKey.All && key.Service == CellKey.All && key.Referrer == CellKey.All && key.Group == CellKey.All
                && (key.Month.Contains("..", StringComparison.Ordinal) || key.Month == _release.WindowKey);
            return total ? _release.Values[cell] * 1000 : _release.Values[cell];
        }

        private bool Safe(Identity line)
        {
            var hidden = 0;
            var positive = false;
            var negative = false;
            long hiddenSum = 0;
            long slack = 0;
            for (var i = 0; i < line.Cells.Length; i++)
            {
                var value = _release.Values[line.Cells[i]];
                if (Hidden[line.Cells[i]])
                {
                    hidden++;
                    hiddenSum += value;
                    positive |= line.Coefficients[i] > 0;
                    negative |= line.Coefficients[i] < 0;
                }
                else
                {
                    slack += line.Coefficients[i] * value;
                }
            }
            if (hidden == 0)
                return true;
            if (line.Exact)
                return hidden >= 2 && ((positive && negative) || hiddenSum - hidden + 1 >= _threshold);
            // total − parts ≥ 0: a hidden total leaves every part free upwards; otherwise the published total less
            // the published parts bounds the hidden parts.
            return positive || slack - hidden + 1 >= _threshold;
        }
    }
}
