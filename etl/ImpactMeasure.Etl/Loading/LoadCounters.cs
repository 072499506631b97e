namespace ImpactMeasure.Etl.Loading;

/// <summary>What one file's load has counted so far.</summary>
public sealed class LoadCounters
{
    private const int CodesKept = 10;

    public long RowsRead { get; set; }

    public long RowsLoaded { get; set; }

    public long RowsQuarantined { get; set; }

    /// <summary>Rows whose practice, service or other code went to the Unknown member.</summary>
    public long RowsUnknown { get; set; }

    /// <summary>Practices this file named that no practice map had: inferred from the file (see <see cref="PracticeKeys"/>).</summary>
    public int PracticesInferred { get; set; }

    /// <summary>Of those, the ones known only by their code (the file says nothing else of them).</summary>
    public int PracticesInferredCodeOnly { get; set; }

    /// <summary>Inferred practices a practice map completed: their rows, loaded earlier, are placed now.</summary>
    public long PracticesPlaced { get; set; }

    /// <summary>Rows that replaced an earlier version (a repeated event_id, a re-issued appointment).</summary>
    public long RowsUpdated { get; set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// <summary>The practice or sub-ICB codes the file covers: with the period, what a re-issue must match.</summary>
    public SortedSet<string> ScopeCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>A few of the codes sent to Unknown, for the load report.</summary>
    public SortedSet<string> UnknownCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Values a vocabulary map turned into codes: column, the supplier's value, the code, rows.</summary>
    public SortedDictionary<(string Column, string Value, string Code), long> Mapped { get; } = [];

    public void SeeMapped(string column, string value, string code)
    {
        var key = (column, value.Trim(), code);
        Mapped[key] = Mapped.GetValueOrDefault(key) + 1;
    }

    public void SeePeriod(DateOnly date)
    {
        if (PeriodStart is null || date < PeriodStart)
            PeriodStart = date;
        if (PeriodEnd is null || date > PeriodEnd)
            PeriodEnd = date;
    }

    public void SeeUnknown(ReadOnlySpan<char> code)
    {
        RowsUnknown++;
        if (UnknownCodes.Count < CodesKept)
            UnknownCodes.Add(code.ToString());
    }
}
