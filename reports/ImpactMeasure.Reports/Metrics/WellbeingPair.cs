using System.Data.Common;

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

    /// <summary>Reads rpt_wellbeing_pairs' rows (<see cref="ReportQueries.ReadAsync{T}"/>).</summary>
    public static Func<DbDataReader, Func<WellbeingPair>> Reader(MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return reader =>
        {
            var (instrument, higher, pcn, name, baseline, followup) = (reader.GetOrdinal("instrument_code"), reader.GetOrdinal("higher_is_better"),
                reader.GetOrdinal("pcn_code"), reader.GetOrdinal("pcn_name"), reader.GetOrdinal("baseline_score"), reader.GetOrdinal("followup_score"));
            var (quintile, age, sex) = (reader.GetOrdinal("deprivation_quintile"), reader.GetOrdinal("age_band"), reader.GetOrdinal("sex"));
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            // A practice with no PCN has null codes, read as "" as ReportQueries.Row reads them.
            string Text(int column) => reader.IsDBNull(column) ? "" : ReportQueries.Shared(reader.GetString(column), strings);
            return () =>
            {
                var code = Text(instrument);
                var scores = WellbeingChange.Pair(code, (double)reader.GetDecimal(baseline), reader.IsDBNull(followup) ? null : (double)reader.GetDecimal(followup));
                return new WellbeingPair(code, Text(pcn), Text(name), scores, WellbeingChange.IsImproved(scores, code, reader.GetBoolean(higher), parameters),
                    Text(quintile), Text(age), Text(sex));
            };
        };
    }
}
