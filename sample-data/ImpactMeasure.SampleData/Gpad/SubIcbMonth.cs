using ImpactMeasure.SampleData.Geography;

namespace ImpactMeasure.SampleData.Gpad;

/// <summary>One month's appointment counts per sub-ICB and (status, HCP type, mode, lead time), summed
/// from the practice crosstab so the sub-ICB files agree with it.</summary>
public sealed class SubIcbMonth
{
    private readonly Dictionary<string, (Area SubIcb, SortedDictionary<string, long> Cells)> _bySubIcb = new(StringComparer.Ordinal);

    public SubIcbMonth(DateOnly month) => Month = month;

    public DateOnly Month { get; }

    public void Add(Area subIcb, AppointmentCell cell, long count)
    {
        ArgumentNullException.ThrowIfNull(subIcb);
        ArgumentNullException.ThrowIfNull(cell);
        if (!_bySubIcb.TryGetValue(subIcb.Code, out var entry))
        {
            entry = (subIcb, new SortedDictionary<string, long>(StringComparer.Ordinal));
            _bySubIcb[subIcb.Code] = entry;
        }
        var key = string.Join('\u001f', cell.Status, cell.HcpType, cell.Mode, cell.LeadTime);
        entry.Cells[key] = entry.Cells.GetValueOrDefault(key) + count;
    }

    /// <summary>Sub-ICBs in code order, each with its cells (status, HCP type, mode, lead time → count).</summary>
    public IEnumerable<(Area SubIcb, IReadOnlyList<(string[] Attributes, long Count)> Cells)> SubIcbs =>
        _bySubIcb.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Value.SubIcb, (IReadOnlyList<(string[], long)>)e.Value.Cells
                .Select(c => (c.Key.Split('\u001f'), c.Value)).ToList()));

    public long Total => _bySubIcb.Values.Sum(e => e.Cells.Values.Sum());
}
