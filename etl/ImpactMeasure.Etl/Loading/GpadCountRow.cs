using ImpactMeasure.Etl.Parsing;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The part every GPAD appointment row shares: a date, the appointment attributes and a count; a bad
/// value quarantines the row.</summary>
public sealed class GpadCountRow
{
    private readonly LoadContext _context;
    private readonly DateCache _dates = new();
    private readonly GpadAttributeReader _attributes;
    private readonly (string Name, int Index) _date;
    private readonly int _count;

    public GpadCountRow(LoadContext context, string dateColumn)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _attributes = new GpadAttributeReader(context);
        _date = (dateColumn, context.Map[dateColumn]);
        _count = context.Map["count_of_appointments"];
    }

    /// <summary>Attribute ordinals of the current row, filled by <see cref="TryRead"/>.</summary>
    public int[] Ordinals { get; } = new int[GpadVocabulary.Attributes.Length];

    public bool TryRead(out DateOnly date, out long count)
    {
        var rows = _context.Rows;
        count = 0;
        if (!_dates.TryParse(rows[_date.Index], out date, out var problem))
        {
            _context.Reject(_date.Name, rows[_date.Index], problem!);
            return false;
        }
        if (!_attributes.TryRead(_context, Ordinals))
            return false;
        if (!Counts.TryParse(rows[_count], int.MaxValue, out count, out problem))
        {
            _context.Reject("count_of_appointments", rows[_count], problem!);
            return false;
        }
        return true;
    }
}
