using System.Data.Common;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The practice_key of a practice code on a date, from the SCD type 2 versions of dim_practice
/// (valid_from inclusive, valid_to exclusive). A code no version holds gets an inferred practice (Kimball's
/// inferred member) from what the extract says of it, so its rows are attributed now and placed completely once a
/// practice map names it; 0 (Unknown) is left for codes that are not practice codes at all.</summary>
public sealed class PracticeKeys
{
    private static readonly DateOnly Always = new(1900, 1, 1);
    private static readonly DateOnly Never = new(9999, 12, 31);
    private readonly Dictionary<string, (DateOnly From, DateOnly To, int Key)[]> _versions;
    private readonly Dictionary<string, (DateOnly From, DateOnly To, int Key)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<int> _unplaced;
    private readonly List<InferredPractice> _inferred = [];
    private int _nextKey;

    private PracticeKeys(Dictionary<string, (DateOnly, DateOnly, int)[]> versions, HashSet<int> unplaced, int nextKey)
    {
        _versions = versions;
        _lookup = _versions.GetAlternateLookup<ReadOnlySpan<char>>();
        _unplaced = unplaced;
        _nextKey = nextKey;
    }

    public const string VersionsScript = "Loading/practice_versions.sql";

    public static async Task<PracticeKeys> LoadAsync(DbConnection connection)
    {
        var rows = await connection.RowsAsync(EtlSql.Statement(VersionsScript));
        var versions = rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(r => (AsDate(r[1]), AsDate(r[2]), Int(r[3]))).ToArray(),
            StringComparer.Ordinal);
        var unplaced = rows.Where(r => Int(r[4]) == 1).Select(r => Int(r[3])).ToHashSet();
        return new PracticeKeys(versions, unplaced, rows.Count == 0 ? 1 : rows.Max(r => Int(r[3])) + 1);
    }

    /// <summary>The key, or 0 when the code is unknown or has no version on that date.</summary>
    public int KeyOf(ReadOnlySpan<char> code, DateOnly date)
    {
        if (!_lookup.TryGetValue(code, out var versions))
            return 0;
        foreach (var (from, to, key) in versions)
        {
            if (date >= from && date < to)
                return key;
        }
        return 0;
    }

    /// <summary>The key of a practice code on a date, inferring a practice (from <paramref name="describe"/>, else
    /// its code alone) when no version holds the code; the caller has checked it is a practice code.</summary>
    public int KeyOrInfer(ReadOnlySpan<char> code, DateOnly date, Func<InferredPractice>? describe = null)
    {
        if (KeyOf(code, date) is not 0 and var key)
            return key;
        if (_lookup.ContainsKey(code))
            return 0;
        var practice = (describe?.Invoke() ?? new InferredPractice(code.ToString())) with { Key = _nextKey++ };
        _versions[practice.Code] = [(Always, Never, practice.Key)];
        if (practice.CodeOnly)
            _unplaced.Add(practice.Key);
        _inferred.Add(practice);
        return practice.Key;
    }

    /// <summary>True for a practice known only by its code (an inferred one no map has placed): its rows cannot be
    /// placed in a PCN or ICB yet, and the load report counts them as unplaced.</summary>
    public bool IsUnplaced(int key) => key == 0 || _unplaced.Contains(key);

    /// <summary>The practices this load inferred.</summary>
    public IReadOnlyList<InferredPractice> Inferred => _inferred;

    // Every column of dim_practice in table order (DuckDB's appender fills whole rows).
    private static readonly BulkColumn[] Columns =
    [
        new("practice_key", BulkColumnType.Integer), new("practice_code", BulkColumnType.Text), new("practice_name", BulkColumnType.Text),
        new("pcn_code", BulkColumnType.Text), new("pcn_name", BulkColumnType.Text), new("sub_icb_code", BulkColumnType.Text),
        new("sub_icb_name", BulkColumnType.Text), new("icb_code", BulkColumnType.Text), new("icb_name", BulkColumnType.Text),
        new("region_code", BulkColumnType.Text), new("region_name", BulkColumnType.Text), new("supplier", BulkColumnType.Text),
        new("list_size", BulkColumnType.Integer), new("deprivation_decile", BulkColumnType.Integer), new("valid_from", BulkColumnType.Date),
        new("valid_to", BulkColumnType.Date), new("is_current", BulkColumnType.Boolean), new("load_batch_id", BulkColumnType.BigInt),
        new("is_inferred", BulkColumnType.Boolean),
    ];

    /// <summary>Writes the inferred practices into dim_practice (one version covering all history, as a map's first
    /// version does) with the ICB of their sub-ICB where the warehouse knows it, before the batch's facts are keyed
    /// in SQL; counts them on the load.</summary>
    public async Task SaveInferredAsync(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_inferred.Count == 0)
            return;
        await using (var writer = await context.Warehouse.StartBulkWriteAsync(context.Connection, "dim_practice", Columns))
        {
            foreach (var p in _inferred)
            {
                await writer.WriteRowAsync(p.Key, p.Code, p.Name, p.PcnCode, p.PcnName, p.SubIcbCode, p.SubIcbName, null, null, null, null, p.Supplier, null, null,
                    Always, Never, true, context.BatchId, true);
            }
            await writer.CompleteAsync();
        }
        await context.Connection.ExecuteScriptAsync(EtlSql.Read(Formats.PracticeMap.PracticeMapFormats.InferredIcbScript), context.BatchId);
        context.Counters.PracticesInferred = _inferred.Count;
        context.Counters.PracticesInferredCodeOnly = _inferred.Count(p => p.CodeOnly);
    }

    private static int Int(object? value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => throw new InvalidCastException($"not a date: {value}"),
    };
}
