using System.Data.Common;
using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Loading;

/// <summary>Resolves appointment profiles (the GPAD junk dimension) to keys in memory: each combination of
/// attribute ordinals packs into one number; combinations not yet in dim_appointment_profile get the next keys
/// and are inserted before the file's transaction commits (loads hold the load lock, so keys never collide).</summary>
public sealed class AppointmentProfiles
{
    private const int Bits = 6;
    private static readonly BulkColumn[] Columns =
        [new("appointment_profile_key", BulkColumnType.Integer), .. GpadVocabulary.Attributes.Select(a => new BulkColumn(a, BulkColumnType.Text))];

    private readonly GpadVocabulary _vocabulary;
    private readonly Dictionary<long, int> _keys;
    private readonly List<(int Key, long Packed)> _new = [];
    private int _nextKey;

    private AppointmentProfiles(GpadVocabulary vocabulary, Dictionary<long, int> keys, int nextKey)
    {
        _vocabulary = vocabulary;
        _keys = keys;
        _nextKey = nextKey;
    }

    public static async Task<AppointmentProfiles> LoadAsync(DbConnection connection, GpadVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var rows = await connection.RowsAsync(
            $"select appointment_profile_key, {string.Join(", ", GpadVocabulary.Attributes)} from dim_appointment_profile where appointment_profile_key <> 0");
        var keys = new Dictionary<long, int>();
        var max = 0;
        foreach (var row in rows)
        {
            var key = Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var ordinals = GpadVocabulary.Attributes.Select((a, i) => vocabulary[a].OrdinalOf((string)row[i + 1]!)).ToArray();
            keys[Pack(ordinals)] = key;
            max = Math.Max(max, key);
        }
        return new AppointmentProfiles(vocabulary, keys, max + 1);
    }

    /// <summary>The key of a profile given its attribute ordinals, in <see cref="GpadVocabulary.Attributes"/> order.</summary>
    public int KeyOf(ReadOnlySpan<int> ordinals)
    {
        var packed = Pack(ordinals);
        if (_keys.TryGetValue(packed, out var key))
            return key;
        key = _nextKey++;
        _keys[packed] = key;
        _new.Add((key, packed));
        return key;
    }

    /// <summary>Inserts the profiles first seen in this file.</summary>
    public async Task InsertNewAsync(ImpactMeasure.Warehouse.Warehouse warehouse, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        if (_new.Count == 0)
            return;
        await using var writer = await warehouse.StartBulkWriteAsync(connection, "dim_appointment_profile", Columns);
        foreach (var (key, packed) in _new)
        {
            var values = new object?[Columns.Length];
            values[0] = key;
            for (var i = 0; i < GpadVocabulary.Attributes.Length; i++)
                values[i + 1] = _vocabulary[GpadVocabulary.Attributes[i]].LabelOf((int)((packed >> (i * Bits)) & ((1 << Bits) - 1)));
            await writer.WriteRowAsync(values);
        }
        await writer.CompleteAsync();
    }

    private static long Pack(ReadOnlySpan<int> ordinals)
    {
        long packed = 0;
        for (var i = 0; i < ordinals.Length; i++)
            packed |= (long)ordinals[i] << (i * Bits);
        return packed;
    }
}
