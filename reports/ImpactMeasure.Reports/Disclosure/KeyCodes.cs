namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Each cell's address as one whole number (its coordinates numbered per dimension, mixed radix), so the
/// identities group and look up cells by a number rather than by seven strings: on a national release that is the
/// difference between seconds and a fraction of one.</summary>
internal sealed class KeyCodes
{
    private static readonly Func<CellKey, string>[] Dimensions =
        [k => k.Measure, k => k.Geo, k => k.Service, k => k.Month, k => k.Role, k => k.Referrer, k => k.Group];

    private readonly int[][] _coordinates;
    private readonly string[][] _names;
    private readonly long[] _radix;
    private readonly Dictionary<string, int> _measures;
    private readonly Dictionary<long, int> _cellOf;

    public KeyCodes(Release release)
    {
        var keys = release.Keys;
        _coordinates = new int[Dimensions.Length][];
        _names = new string[Dimensions.Length][];
        _radix = new long[Dimensions.Length];
        var place = 1L;
        for (var d = 0; d < Dimensions.Length; d++)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            _coordinates[d] = new int[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                var value = Dimensions[d](keys[i]);
                if (!numbers.TryGetValue(value, out var n))
                    numbers[value] = n = numbers.Count;
                _coordinates[d][i] = n;
            }
            _names[d] = [.. numbers.OrderBy(p => p.Value).Select(p => p.Key)];
            _radix[d] = place;
            place = checked(place * (numbers.Count + 1));
            if (d == 0)
                _measures = numbers;
        }
        _measures ??= [];
        Codes = Enumerable.Range(0, keys.Count).Select(i => Code(i, -1)).ToArray();
        _cellOf = new Dictionary<long, int>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
            _cellOf[Codes[i]] = i;
    }

    /// <summary>Every cell's code.</summary>
    public long[] Codes { get; }

    /// <summary>The code of a cell with one dimension left out (-1: none): cells with equal codes differ only there.</summary>
    public long Code(int cell, int without)
    {
        long code = 0;
        for (var d = 0; d < Dimensions.Length; d++)
        {
            if (d != without)
                code += (_coordinates[d][cell] + 1) * _radix[d];
        }
        return code;
    }

    /// <summary>Each cell's coordinate number in a dimension.</summary>
    public IReadOnlyList<int> Coordinates(int dimension) => _coordinates[dimension];

    /// <summary>The coordinates of a dimension by number.</summary>
    public IReadOnlyList<string> Names(int dimension) => _names[dimension];

    /// <summary>A measure's coordinate number; -1 where the release has none of it.</summary>
    public int MeasureNumber(string measure) => _measures.TryGetValue(measure, out var m) ? m : -1;

    /// <summary>The cell at the same address with another measure (<see cref="MeasureNumber"/>), if the release has it.</summary>
    public int? WithMeasure(int cell, int measure)
    {
        if (measure < 0)
            return null;
        var code = Codes[cell] + (measure - _coordinates[0][cell]) * _radix[0];
        return _cellOf.TryGetValue(code, out var other) ? other : null;
    }

    /// <summary>The dimension numbers <see cref="Code"/> leaves out.</summary>
    public const int Measure = 0, Geo = 1, Service = 2, Month = 3, Role = 4, Referrer = 5, Group = 6;
}
