using System.Data.Common;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>rpt_wellbeing_pairs counted as it is read: what the three wellbeing tables publish (by instrument, by PCN,
/// by patient group), without keeping the rows (nationally half a million). Each person's scores are put on the
/// instrument's scale (SWEMWBS converted to metric) and their improvement judged once, here; the scores are summed
/// exactly, so no figure depends on the order of the rows.</summary>
public sealed class WellbeingTally(MethodParameters parameters)
{
    /// <summary>One instrument's cohort: people due, people with both scores, people improved, and the exact sums of
    /// the paired scores and changes (<see cref="WellbeingChange.MeanInterval(decimal, decimal, long, double)"/>).</summary>
    public sealed class InstrumentSums
    {
        public long Due { get; internal set; }
        public long Paired { get; internal set; }
        public long Improved { get; internal set; }
        public decimal Before { get; internal set; }
        public decimal After { get; internal set; }
        public decimal Change { get; internal set; }
        public decimal ChangeSquares { get; internal set; }
    }

    /// <summary>People with both scores and people improved in one group (a PCN, or a patient group) on one instrument.</summary>
    public sealed class PairCounts
    {
        private string? _lastName;

        public long Paired { get; internal set; }
        public long Improved { get; internal set; }

        /// <summary>The names the group's rows carry (a PCN renamed in the cohort has two).</summary>
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        internal void Add(bool improved, string name)
        {
            Paired++;
            Improved += improved ? 1 : 0;
            // The names are shared instances (ReportQueries.Shared), so an unchanged one costs no hashing.
            if (!ReferenceEquals(name, _lastName))
                Names.Add(_lastName = name);
        }
    }

    /// <summary>The patient group columns of rpt_wellbeing_pairs, in the order <see cref="Groups"/> keys them.</summary>
    public static readonly IReadOnlyList<string> GroupColumns = ["deprivation_quintile", "age_band", "sex"];

    private readonly Dictionary<string, InstrumentSums> _instruments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Pcn, string Instrument), PairCounts> _pcns = [];
    private readonly Dictionary<(string Column, string Group, string Instrument), PairCounts> _groups = [];

    public IReadOnlyDictionary<string, InstrumentSums> Instruments => _instruments;

    public IReadOnlyDictionary<(string Pcn, string Instrument), PairCounts> Pcns => _pcns;

    /// <summary>By patient group column (<see cref="GroupColumns"/>), the group, and the instrument.</summary>
    public IReadOnlyDictionary<(string Column, string Group, string Instrument), PairCounts> Groups => _groups;

    /// <summary>Counts one pairs row: a person's baseline on an instrument and their follow-up, if any.</summary>
    public void Add(string instrument, bool higherIsBetter, string pcn, string pcnName, double baseline, double? followup, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (!_instruments.TryGetValue(instrument, out var sums))
            _instruments[instrument] = sums = new InstrumentSums();
        sums.Due++;
        var scores = WellbeingChange.Pair(instrument, baseline, followup);
        if (WellbeingChange.IsImproved(scores, instrument, higherIsBetter, parameters) is not { } improved)
            return;
        var (before, after) = ((decimal)scores!.Value.Before, (decimal)scores.Value.After);
        // The change as a double first, then exact: as the mean of changes was always computed.
        var change = (decimal)(scores.Value.After - scores.Value.Before);
        sums.Paired++;
        sums.Improved += improved ? 1 : 0;
        (sums.Before, sums.After, sums.Change, sums.ChangeSquares) = (sums.Before + before, sums.After + after, sums.Change + change,
            sums.ChangeSquares + (change * change));
        Counts(_pcns, (pcn, instrument)).Add(improved, pcnName);
        for (var g = 0; g < GroupColumns.Count; g++)
            Counts(_groups, (GroupColumns[g], groups[g], instrument)).Add(improved, "");
    }

    private static PairCounts Counts<TKey>(Dictionary<TKey, PairCounts> counts, TKey key)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var found))
            counts[key] = found = new PairCounts();
        return found;
    }

    /// <summary>Reads rpt_wellbeing_pairs' rows into this tally (<see cref="ReportQueries.EachAsync"/>).</summary>
    public Action Reader(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (instrument, higher, pcn, name, baseline, followup) = (reader.GetOrdinal("instrument_code"), reader.GetOrdinal("higher_is_better"),
            reader.GetOrdinal("pcn_code"), reader.GetOrdinal("pcn_name"), reader.GetOrdinal("baseline_score"), reader.GetOrdinal("followup_score"));
        var columns = GroupColumns.Select(reader.GetOrdinal).ToArray();
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = new string[columns.Length];
        // A practice with no PCN has null codes, read as "" as ReportQueries.Row reads them.
        string Text(int column) => reader.IsDBNull(column) ? "" : ReportQueries.Shared(reader.GetString(column), strings);
        return () =>
        {
            for (var g = 0; g < columns.Length; g++)
                groups[g] = Text(columns[g]);
            Add(Text(instrument), reader.GetBoolean(higher), Text(pcn), Text(name), (double)reader.GetDecimal(baseline),
                reader.IsDBNull(followup) ? null : (double)reader.GetDecimal(followup), groups);
        };
    }
}
