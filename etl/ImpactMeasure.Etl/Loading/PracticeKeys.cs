using System.Data.Common;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The practice_key of a practice code on a date, from the SCD type 2 versions of dim_practice
/// (valid_from inclusive, valid_to exclusive); 0 (Unknown) for codes the warehouse has never seen.</summary>
public sealed class PracticeKeys
{
    private readonly Dictionary<string, (DateOnly From, DateOnly To, int Key)[]> _versions;
    private readonly Dictionary<string, (DateOnly From, DateOnly To, int Key)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PracticeKeys(Dictionary<string, (DateOnly, DateOnly, int)[]> versions)
    {
        _versions = versions;
        _lookup = _versions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static async Task<PracticeKeys> LoadAsync(DbConnection connection)
    {
        var rows = await connection.RowsAsync(
            "select practice_code, valid_from, valid_to, practice_key from dim_practice where practice_key <> 0 order by practice_code, valid_from");
        var versions = rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.Select(r => (AsDate(r[1]), AsDate(r[2]), Convert.ToInt32(r[3], System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
            StringComparer.Ordinal);
        return new PracticeKeys(versions);
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

    private static DateOnly AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => throw new InvalidCastException($"not a date: {value}"),
    };
}
