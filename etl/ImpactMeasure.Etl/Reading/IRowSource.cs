namespace ImpactMeasure.Etl.Reading;

/// <summary>The rows of one extract, streamed: a header, then data rows with their line numbers.</summary>
public interface IRowSource : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>Moves to the next data row; false at the end of the file.</summary>
    bool MoveNext();

    /// <summary>The file line the current row starts on (1 = the header).</summary>
    long LineNumber { get; }

    /// <summary>How many lines the current row spans (more than one: a quoted value holds line breaks).</summary>
    int LineSpan { get; }

    int ColumnCount { get; }

    /// <summary>The current row's value in a column, valid until the next <see cref="MoveNext"/>.</summary>
    ReadOnlySpan<char> this[int column] { get; }

    /// <summary>Bytes read so far, for progress.</summary>
    long BytesRead { get; }

    /// <summary>How the file's text was decoded ("utf-8", "windows-1252", "utf-16"; "xlsx" for workbooks),
    /// known for certain once every row has been read.</summary>
    string TextEncoding { get; }

    /// <summary>SHA-256 of the whole file, available once every row has been read.</summary>
    string Sha256Hex();
}
