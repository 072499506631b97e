using Google.OrTools.LinearSolver;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>One thread's scratch space for <see cref="LocalPrograms"/>: a national audit builds tens of thousands of
/// small programs, so membership is marked by a stamp per program in arrays over the whole release (no sets to
/// allocate or clear), and each identity's terms inside the neighbourhood are laid out in one array.</summary>
internal sealed class LocalProgramWorkspace(int cells, int lines)
{
    private readonly int[] _cellStamp = new int[cells];
    private readonly int[] _visitStamp = new int[lines];
    private readonly int[] _lineStamp = new int[lines];
    private readonly int[] _lineSlot = new int[lines];
    private int _stamp;
    private int[] _termStart = new int[64];
    private (int Cell, int Coefficient)[] _terms = new (int, int)[256];

    public GlopProgram Glop { get; } = new();

    public SmallSimplex Simplex { get; } = new();

    /// <summary>Per neighbourhood cell: its variable in <see cref="Simplex"/>, or −1 when fixed.</summary>
    public int[] Variable { get; private set; } = new int[64];

    /// <summary>Scratch for one identity's terms.</summary>
    public (int Var, double Coefficient)[] Row { get; private set; } = new (int, double)[64];

    /// <summary>The neighbourhood's cells (release indexes); per cell, its place in this list.</summary>
    public List<int> Cells { get; } = [];

    public int[] Slot { get; } = new int[cells];

    /// <summary>The identities touching the neighbourhood (release indexes), and per identity how many of its cells
    /// inside are not yet fixed.</summary>
    public List<int> Lines { get; } = [];

    public int[] Live { get; private set; } = new int[64];

    /// <summary>Per neighbourhood cell: fixed at its true value, and its bounds otherwise.</summary>
    public bool[] Fixed { get; private set; } = new bool[64];

    public double[] Low { get; private set; } = new double[64];

    public double[] High { get; private set; } = new double[64];

    public List<int> Frontier = [];
    public List<int> Next = [];

    public void Begin()
    {
        _stamp++;
        Cells.Clear();
        Lines.Clear();
    }

    /// <summary>Adds a cell to the neighbourhood; false when it is already there.</summary>
    public bool AddCell(int cell)
    {
        if (_cellStamp[cell] == _stamp)
            return false;
        _cellStamp[cell] = _stamp;
        Cells.Add(cell);
        return true;
    }

    /// <summary>Marks an identity as followed while growing the neighbourhood; false when it already was.</summary>
    public bool VisitLine(int line)
    {
        if (_visitStamp[line] == _stamp)
            return false;
        _visitStamp[line] = _stamp;
        return true;
    }

    public int LineSlot(int line) => _lineSlot[line];

    /// <summary>The terms of a collected identity inside the neighbourhood: (cell's place, coefficient).</summary>
    public ReadOnlySpan<(int Cell, int Coefficient)> Terms(int slot) => _terms.AsSpan(_termStart[slot], _termStart[slot + 1] - _termStart[slot]);

    /// <summary>Collects every identity touching the neighbourhood with its terms inside; no cell fixed yet.</summary>
    public void CollectLines((int Line, int Coefficient)[][] linesOf)
    {
        Grow(Cells.Count);
        var total = 0;
        foreach (var cell in Cells)
        {
            foreach (var (line, _) in linesOf[cell])
            {
                if (_lineStamp[line] != _stamp)
                {
                    _lineStamp[line] = _stamp;
                    _lineSlot[line] = Lines.Count;
                    if (Lines.Count + 2 > _termStart.Length)
                    {
                        var larger = new int[_termStart.Length * 2];
                        _termStart.AsSpan(0, Lines.Count + 1).CopyTo(larger);
                        _termStart = larger;
                    }
                    _termStart[Lines.Count] = 0;
                    Lines.Add(line);
                }
                _termStart[_lineSlot[line]]++;
                total++;
            }
        }
        if (Live.Length < Lines.Count)
            Live = new int[Math.Max(Lines.Count, Live.Length * 2)];
        if (_terms.Length < total)
            _terms = new (int, int)[Math.Max(total, _terms.Length * 2)];
        // Counts to starts; each line's start then advances as its terms are written and is wound back after.
        var start = 0;
        for (var s = 0; s < Lines.Count; s++)
        {
            Live[s] = _termStart[s];
            (start, _termStart[s]) = (start + _termStart[s], start);
        }
        _termStart[Lines.Count] = start;
        for (var i = 0; i < Cells.Count; i++)
        {
            foreach (var (line, coefficient) in linesOf[Cells[i]])
                _terms[_termStart[_lineSlot[line]]++] = (i, coefficient);
        }
        for (var s = Lines.Count - 1; s >= 0; s--)
            _termStart[s] -= Live[s];
        for (var i = 0; i < Cells.Count; i++)
        {
            Fixed[i] = false;
            Low[i] = 1;
            High[i] = double.PositiveInfinity;
        }
    }

    private void Grow(int count)
    {
        if (Fixed.Length >= count)
            return;
        var size = Math.Max(count, Fixed.Length * 2);
        (Fixed, Low, High, Variable, Row) = (new bool[size], new double[size], new double[size], new int[size], new (int, double)[size]);
    }
}
