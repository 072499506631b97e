using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Tables and colours that more than one pack shows: the equity breakdowns, the Fingertips comparison
/// colours, the number formats, and picking a row's published cells.</summary>
public static class PackTables
{
    public const string Count = "#,##0";
    public const string Percent = "0.0%";
    public const string OneDecimal = "#,##0.0";

    public static PackTable EquityTable(MetricTable<Equity.EquityRow> equity, IReadOnlyList<PackNote> notes) =>
        new("Who the service reaches this month: referrals by deprivation, age and sex", notes,
            [("Breakdown", "@"), ("Group", "@"), ("Referrals", Count), ("Share of referrals", Percent), ("With a service decision", Count), ("Accepted (%)", Percent),
             ("Accepted: lower 95%", Percent), ("Accepted: upper 95%", Percent), ("Inappropriate (%)", Percent), ("Inappropriate: lower 95%", Percent),
             ("Inappropriate: upper 95%", Percent)],
            equity.Rows.Select(r => new object?[] { BreakdownName(r.Family) }.Concat(Pick(equity, r, Equity.EquityRow.GroupColumn, Equity.EquityRow.ReferralsColumn,
                Equity.EquityRow.ShareColumn, Equity.EquityRow.WithDecisionColumn, Equity.EquityRow.AcceptanceRate, Equity.EquityRow.AcceptanceLower, Equity.EquityRow.AcceptanceUpper,
                Equity.EquityRow.InappropriateRateColumn, Equity.EquityRow.InappropriateLower, Equity.EquityRow.InappropriateUpper)).ToArray()).ToList())
        {
            WrapWidth = 24,
        };

    /// <summary>Wellbeing improvement by patient group and instrument (<c>equity_wellbeing</c>), as published.</summary>
    public static PackTable EquityWellbeingTable(MetricTable<Equity.EquityWellbeingRow> wellbeing, IReadOnlyList<PackNote> notes) =>
        new("Wellbeing improvement by deprivation, age and sex, by instrument", notes,
            [("Breakdown", "@"), ("Group", "@"), ("Instrument", "@"), ("People with both scores", Count), ("People improved", Count), ("Improved (%)", Percent),
             ("Improved: lower 95%", Percent), ("Improved: upper 95%", Percent)],
            wellbeing.Rows.Select(r => new object?[] { BreakdownName(r.Family) }.Concat(Pick(wellbeing, r, wellbeing.Columns.Skip(1).ToArray())).ToArray()).ToList())
        {
            WrapWidth = 24,
        };

    private static string BreakdownName(string family) => family switch
    {
        "imd" => "Deprivation quintile",
        "age" => "Age band",
        "sex" => "Sex",
        _ => family,
    };

    public static string? ComparisonColour(object? word) => word switch
    {
        "Better" => "#92D050",
        "Similar" => "#FFC000",
        "Worse" => "#C00000",
        "Higher" => "#BED2FF",
        "Lower" => "#5555E6",
        _ => null,
    };

    /// <summary>A row's cells as the release publishes them.</summary>
    public static object?[] Pick<TRow>(MetricTable<TRow> table, TRow row, params Column<TRow>[] columns) => columns.Select(c => table.Show(row, c)).ToArray();
}
