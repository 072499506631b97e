using ImpactMeasure.Etl.Privacy;
using ImpactMeasure.Warehouse.Bulk;

namespace ImpactMeasure.Etl.Loading;

/// <summary>Collects a file's bad rows in a temp file (so a file of millions of bad rows stays out of memory)
/// and writes them to <c>etl_quarantine</c> once the file's main bulk load is closed.</summary>
public sealed class Quarantine : IDisposable
{
    private const int ReasonsKept = 5;
    private static readonly BulkColumn[] Columns =
    [
        new("load_batch_id", BulkColumnType.BigInt),
        new("line_number", BulkColumnType.BigInt),
        new("column_name", BulkColumnType.Text),
        new("raw_value", BulkColumnType.Text),
        new("reason", BulkColumnType.Text),
    ];

    private static readonly HashSet<string> IdentifierColumns = new(["nhs_number", "patient_id"], StringComparer.Ordinal);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"impact-quarantine-{Guid.NewGuid():N}.bin");
    private readonly BinaryWriter _writer;
    private readonly List<QuarantineEntry> _first = [];

    public Quarantine() => _writer = new BinaryWriter(new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));

    public long Count { get; private set; }

    /// <summary>The first few entries, for the load report.</summary>
    public IReadOnlyList<QuarantineEntry> First => _first;

    public void Add(long line, string? column, ReadOnlySpan<char> raw, string reason)
    {
        // Masked before it is cut short, so no part of a number is left; the reason too (it may quote values).
        var masked = column is not null && IdentifierColumns.Contains(column) ? NhsNumber.Mask(raw) : SafeText.Of(raw.ToString());
        var shown = masked.Length > 200 ? masked[..200] + "…" : masked;
        var entry = new QuarantineEntry(line, column, shown, SafeText.Of(column is null ? reason : $"{column} '{shown}' {reason}"));
        if (_first.Count < ReasonsKept)
            _first.Add(entry);
        _writer.Write(entry.LineNumber);
        _writer.Write(entry.Column ?? "");
        _writer.Write(entry.RawValue ?? "");
        _writer.Write(entry.Reason);
        Count++;
    }

    /// <summary>Adds a row-level problem that is not about one value (e.g. a short row).</summary>
    public void AddRow(long line, string reason) => Add(line, null, [], reason);

    public async Task WriteAsync(ImpactMeasure.Warehouse.Warehouse warehouse, System.Data.Common.DbConnection connection, long batchId)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        _writer.Flush();
        if (Count == 0)
            return;
        await using var writer = await warehouse.StartBulkWriteAsync(connection, "etl_quarantine", Columns);
        using var reader = new BinaryReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        for (var i = 0; i < Count; i++)
        {
            var line = reader.ReadInt64();
            var column = reader.ReadString();
            var raw = reader.ReadString();
            await writer.WriteRowAsync(batchId, line, column.Length == 0 ? null : column, raw, reader.ReadString());
        }
        await writer.CompleteAsync();
    }

    public void Dispose()
    {
        _writer.Dispose();
        File.Delete(_path);
    }
}
