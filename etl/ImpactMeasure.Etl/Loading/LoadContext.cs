using System.Buffers;
using System.Data.Common;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Etl.Reading;

namespace ImpactMeasure.Etl.Loading;

/// <summary>Everything a format loader needs for one file, inside the file's one transaction.</summary>
public sealed class LoadContext
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public required ImpactMeasure.Warehouse.Warehouse Warehouse { get; init; }

    public required DbConnection Connection { get; init; }

    public required long BatchId { get; init; }

    public required string FilePath { get; init; }

    public required IRowSource Rows { get; init; }

    public required ColumnMap Map { get; init; }

    public required Quarantine Quarantine { get; init; }

    public required LoadCounters Counters { get; init; }

    public required EtlOptions Options { get; init; }

    public required GpadVocabulary Vocabulary { get; init; }

    public IProgress<IngestProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    public string FileName => Path.GetFileName(FilePath);

    private PracticeKeys? _practices;

    /// <summary>The practice versions of dim_practice, read once per file: every row's practice is resolved here,
    /// once, and the key travels with the row (the mart SQL does not look it up again).</summary>
    public async Task<PracticeKeys> PracticesAsync() => _practices ??= await PracticeKeys.LoadAsync(Connection);

    /// <summary>Called once a file's rows are landed in its staging table, before the mart SQL reads them: the engine
    /// refreshes the table's statistics, so the marts are planned for this file's rows rather than for whatever the
    /// table held when last analysed (often nothing: staging is cleared after every load).</summary>
    public Task LandedAsync(string table) => Warehouse.RefreshStatisticsAsync(Connection, table);

    /// <summary>Moves to the next data row that has the header's shape; bad shapes are quarantined.</summary>
    public bool NextRow()
    {
        while (Rows.MoveNext())
        {
            if (Rows.ColumnCount == 1 && Map.Width > 1 && Rows[0].IsWhiteSpace())
                continue;
            Counters.RowsRead++;
            if (Counters.RowsRead % Options.ProgressEveryRows == 0)
            {
                Cancellation.ThrowIfCancellationRequested();
                Progress?.Report(new IngestProgress(FileName, Counters.RowsRead, Rows.BytesRead, _clock.Elapsed));
            }
            if (Rows.ColumnCount == Map.Width)
            {
                if (ValuesAreSafe())
                    return true;
                continue;
            }
            Reject(Rows.LineSpan > 1
                ? $"a quoted value opened on this line is never closed (the row runs over {Rows.LineSpan} lines and has {Rows.ColumnCount} of {Map.Width} columns)"
                : $"has {Rows.ColumnCount} columns where the header has {Map.Width} (a truncated or malformed line)");
        }
        return false;
    }

    private string[]? _columnNames;

    /// <summary>Longest value any extract column holds (names included); longer is not data the pack could show.</summary>
    public const int MaxValueLength = 500;

    private string ColumnName(int i)
    {
        _columnNames ??= Rows.Header.Select(FormatCatalog.Normalise).ToArray();
        return i < _columnNames.Length ? _columnNames[i] : $"column {i + 1}";
    }

    // Control characters but tab, line feed and carriage return (which quoted CSV values may hold).
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007f']);

    private int? _nhsColumn;

    // One pass over the row's values. A NUL or other control character (binary data, UTF-16 read as UTF-8) or an
    // overlong value is quarantined the same way on both engines (PostgreSQL cannot store a NUL; DuckDB would cut
    // the text at it). METHODS §8: an NHS number anywhere but the nhs_number column (pseudonymised there) is a
    // likely leak, whatever the format and however it is written; the row is quarantined with the number masked.
    private bool ValuesAreSafe()
    {
        _nhsColumn ??= Map["nhs_number"];
        for (var i = 0; i < Rows.ColumnCount; i++)
        {
            var value = Rows[i];
            if (value.Length > MaxValueLength)
                Reject(ColumnName(i), value, $"is {value.Length:N0} characters long, more than the {MaxValueLength} any extract value may be");
            else if (value.ContainsAny(ControlCharacters))
                Reject(ColumnName(i), value, "holds a control character (binary data, or UTF-16 text): save the extract as UTF-8 CSV");
            else if (i != _nhsColumn && Privacy.NhsNumber.Contains(value))
                Reject(ColumnName(i), value, ColumnName(i) == "patient_id"
                    ? "holds a raw NHS number: put it in nhs_number so it is pseudonymised, or pseudonymise it at source"
                    : "holds what looks like an NHS number (10 digits with a valid check digit): a likely data leak, so the row is not loaded");
            else
                continue;
            return false;
        }
        return true;
    }

    /// <summary>Quarantines the current row for a problem with one of its values.</summary>
    public void Reject(string column, ReadOnlySpan<char> value, string reason)
    {
        Counters.RowsQuarantined++;
        Quarantine.Add(Rows.LineNumber, column, value, reason);
    }

    /// <summary>Quarantines the current row for a problem with the row as a whole.</summary>
    public void Reject(string reason)
    {
        Counters.RowsQuarantined++;
        Quarantine.AddRow(Rows.LineNumber, reason);
    }

    public ReadOnlySpan<char> Value(string column) => Map[column] is var i and >= 0 ? Rows[i].Trim() : [];
}
