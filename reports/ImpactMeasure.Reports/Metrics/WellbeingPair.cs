namespace ImpactMeasure.Reports.Metrics;

/// <summary>One rpt_wellbeing_pairs row read once: a person's baseline on an instrument, with their scores on the
/// instrument's scale (SWEMWBS converted to metric) and whether they improved by its meaningful change, when they have
/// a follow-up. Three tables count the same pairs (by instrument, by PCN, by patient group); nationally half a million
/// rows, so each row's scores and improvement are worked out once, not once a table.</summary>
public sealed record WellbeingPair(string Instrument, string PcnCode, string PcnName, (double Before, double After)? Scores, bool? Improved,
    string DeprivationQuintile, string AgeBand, string Sex)
{
    /// <summary>The person's group in an equity family, by the query's column name.</summary>
    public string Group(string column) => column switch
    {
        "deprivation_quintile" => DeprivationQuintile,
        "age_band" => AgeBand,
        "sex" => Sex,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not a patient group column of rpt_wellbeing_pairs"),
    };

    public static IReadOnlyList<WellbeingPair> Read(IReadOnlyList<ReportQueries.Row> rows, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parameters);
        return rows.Select(r =>
        {
            var (instrument, scores) = (r.Text("instrument_code"), WellbeingChange.Pair(r));
            return new WellbeingPair(instrument, r.Text("pcn_code"), r.Text("pcn_name"), scores,
                WellbeingChange.IsImproved(scores, instrument, r.Bool("higher_is_better"), parameters),
                r.Text("deprivation_quintile"), r.Text("age_band"), r.Text("sex"));
        }).ToList();
    }
}
