using System.Numerics;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>A bounded primal simplex on a dense tableau, for the audit's small programs (tens of cells): each
/// program moves a cell as far as it can from the true counts, which are feasible, so no first phase is needed.
/// GLOP spent most of such a program in set-up (its model, presolve and factorisation), far more than the pivots.
/// Variables are moves from a feasible point (<c>d = x − x*</c>, 0 inside its bounds); each row is
/// <c>Σ a·d = w</c> with the row's activity <c>w</c> held at 0 (an exact identity) or at least −slack (an
/// inequality). The first basis is the activities; a cell starts nonbasic between its bounds and may enter either way.
/// A solution is checked against every row and bound before it is used; anything doubtful reports
/// <see cref="Outcome.Failed"/> and the caller solves the program with GLOP instead.</summary>
public sealed class SmallSimplex
{
    public enum Outcome
    {
        Optimal,
        Failed,
    }

    private const double Pivot = 1e-9, Cost = 1e-9, Feasible = 1e-6;

    private int _n, _m, _width, _columns;
    private double[] _tableau = new double[1024];
    private double[] _value = new double[64], _low = new double[64], _high = new double[64];
    private int[] _basic = new int[64];
    private bool[] _isBasic = new bool[64];
    private readonly List<(int Start, int Count, bool Exact, double Slack)> _rows = [];
    private int[] _activity = new int[64];
    private readonly List<(int Var, double Coefficient)> _terms = [];

    /// <summary>Starts a program of <paramref name="variables"/> moves, every one 0 (the true counts).</summary>
    public void Reset(int variables)
    {
        _n = variables;
        _m = 0;
        _rows.Clear();
        _terms.Clear();
        Grow(ref _value, variables);
        Grow(ref _low, variables);
        Grow(ref _high, variables);
        Array.Clear(_low, 0, variables);
        Array.Clear(_high, 0, variables);
    }

    /// <summary>The least and greatest move of a variable (a cell's bounds less its true count).</summary>
    public void Bound(int variable, double low, double high)
    {
        if (low > 0 || high < 0)
            throw new ArgumentOutOfRangeException(nameof(low), "the true counts must lie within the bounds");
        (_low[variable], _high[variable]) = (low, high);
    }

    /// <summary>A row Σ coefficient × move = 0 (exact) or ≥ −slack.</summary>
    public void Row(ReadOnlySpan<(int Var, double Coefficient)> terms, bool exact, double slack)
    {
        if (slack < 0 || (exact && slack != 0))
            throw new ArgumentOutOfRangeException(nameof(slack), "the true counts must satisfy every row");
        _rows.Add((_terms.Count, terms.Length, exact, slack));
        foreach (var term in terms)
            _terms.Add(term);
        _m++;
    }

    /// <summary>Sets up the first basis (the rows' activities); call once the rows are in.</summary>
    public void Start()
    {
        // Columns: the moves, then the inequalities' activities; an exact identity's activity (held at 0) can never
        // enter the basis once it has left, so its column is not kept: it counts past the tableau's width.
        var inequalities = _rows.Count(r => !r.Exact);
        _width = _n + inequalities;
        _columns = _n + _m;
        Grow(ref _tableau, _m * _width);
        Grow(ref _value, _columns);
        Grow(ref _low, _columns);
        Grow(ref _high, _columns);
        Grow(ref _basic, _m);
        Grow(ref _isBasic, _columns);
        Grow(ref _activity, _m);
        Array.Clear(_tableau, 0, _m * _width);
        Array.Clear(_value, 0, _columns);
        Array.Clear(_isBasic, 0, _columns);
        var (nextInequality, nextExact) = (_n, _width);
        // Σ a·d − w = 0 with B = −I: the tableau B⁻¹A is −a for the moves and 1 for the row's own activity.
        for (var r = 0; r < _m; r++)
        {
            var (start, count, exact, slack) = _rows[r];
            var activity = _activity[r] = exact ? nextExact++ : nextInequality++;
            (_low[activity], _high[activity]) = exact ? (0, 0) : (-slack, double.PositiveInfinity);
            for (var t = start; t < start + count; t++)
                _tableau[(r * _width) + _terms[t].Var] -= _terms[t].Coefficient;
            if (!exact)
                _tableau[(r * _width) + activity] = 1;
            _basic[r] = activity;
            _isBasic[activity] = true;
        }
    }

    /// <summary>A variable's move at the current solution.</summary>
    public double Move(int variable) => _value[variable];

    /// <summary>Moves <paramref name="target"/> as far up (<paramref name="up"/>) or down as the program allows,
    /// from wherever the last solve left off.</summary>
    public Outcome Push(int target, bool up)
    {
        var sense = up ? 1.0 : -1.0;
        var degenerate = 0;
        for (var iteration = 0; iteration < 50 * (_columns + 1); iteration++)
        {
            var bland = degenerate > 20;
            var targetRow = _isBasic[target] ? Array.IndexOf(_basic, target, 0, _m) : -1;
            var entering = -1;
            var best = 0.0;
            for (var k = 0; k < _width; k++)
            {
                if (_isBasic[k])
                    continue;
                var cost = targetRow >= 0 ? -sense * _tableau[(targetRow * _width) + k] : k == target ? sense : 0;
                if ((cost > Cost && _value[k] < _high[k] - Cost) || (cost < -Cost && _value[k] > _low[k] + Cost))
                {
                    if (bland)
                    {
                        entering = k;
                        best = cost;
                        break;
                    }
                    if (Math.Abs(cost) > Math.Abs(best))
                        (entering, best) = (k, cost);
                }
            }
            if (entering < 0)
                return Verified() ? Outcome.Optimal : Outcome.Failed;
            var direction = Math.Sign(best);
            var step = direction > 0 ? _high[entering] - _value[entering] : _value[entering] - _low[entering];
            var leaving = -1;
            var leavingRate = 0.0;
            for (var r = 0; r < _m; r++)
            {
                var rate = -direction * _tableau[(r * _width) + entering];
                if (Math.Abs(rate) <= Pivot)
                    continue;
                var b = _basic[r];
                var room = Math.Max(0, rate > 0 ? (_high[b] - _value[b]) / rate : (_value[b] - _low[b]) / -rate);
                if (room < step - Pivot || (room <= step + Pivot && leaving >= 0 && (bland ? b < _basic[leaving] : Math.Abs(rate) > Math.Abs(leavingRate))))
                    (step, leaving, leavingRate) = (Math.Min(room, step), r, rate);
            }
            if (double.IsPositiveInfinity(step))
                return Outcome.Failed;
            degenerate = step <= Pivot ? degenerate + 1 : 0;
            _value[entering] += direction * step;
            for (var r = 0; r < _m; r++)
                _value[_basic[r]] -= direction * step * _tableau[(r * _width) + entering];
            if (leaving < 0)
            {
                _value[entering] = direction > 0 ? _high[entering] : _low[entering];
                continue;
            }
            var gone = _basic[leaving];
            _value[gone] = leavingRate > 0 ? _high[gone] : _low[gone];
            PivotOn(leaving, entering);
        }
        return Outcome.Failed;
    }

    private void PivotOn(int row, int column)
    {
        var pivotRow = _tableau.AsSpan(row * _width, _width);
        var scale = 1 / pivotRow[column];
        for (var k = 0; k < _width; k++)
            pivotRow[k] *= scale;
        pivotRow[column] = 1;
        for (var r = 0; r < _m; r++)
        {
            if (r == row)
                continue;
            var other = _tableau.AsSpan(r * _width, _width);
            var factor = other[column];
            if (factor == 0)
                continue;
            SubtractScaled(other, pivotRow, factor);
            other[column] = 0;
        }
        _isBasic[_basic[row]] = false;
        _basic[row] = column;
        _isBasic[column] = true;
    }

    private static void SubtractScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<double>(factor);
            for (; k <= target.Length - Vector<double>.Count; k += Vector<double>.Count)
                (new Vector<double>(target[k..]) - (f * new Vector<double>(source[k..]))).CopyTo(target[k..]);
        }
        for (; k < target.Length; k++)
            target[k] -= factor * source[k];
    }

    /// <summary>The solution keeps every bound and every row, recomputed from the rows as given (the tableau's
    /// running values drift).</summary>
    private bool Verified()
    {
        for (var j = 0; j < _n; j++)
        {
            if (_value[j] < _low[j] - Feasible || _value[j] > _high[j] + Feasible)
                return false;
        }
        for (var r = 0; r < _m; r++)
        {
            var (start, count, _, _) = _rows[r];
            var activity = 0.0;
            for (var t = start; t < start + count; t++)
                activity += _terms[t].Coefficient * _value[_terms[t].Var];
            if (activity < _low[_activity[r]] - Feasible || activity > _high[_activity[r]] + Feasible)
                return false;
        }
        return true;
    }

    private static void Grow<T>(ref T[] array, int size)
    {
        if (array.Length < size)
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
    }
}
