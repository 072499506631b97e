using ImpactMeasure.Reports.Equity;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse.Reference;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The wellbeing tables counted from the pairs as they stream past (<see cref="WellbeingTally"/>) against
/// the same figures worked out directly from the whole list of rows, and the same whatever order the rows come in.</summary>
public class WellbeingTallyTests
{
    private sealed record PairRow(string Instrument, bool HigherIsBetter, string Pcn, string Name, double Baseline, double? Followup, string[] Groups);

    private static readonly MethodParameters Parameters = new();
    private static readonly ReportWindow Cohort = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);

    private static List<PairRow> Rows(int seed)
    {
        var random = new Random(seed);
        string[] quintiles = ["1", "2", "3", "4", "5", "Unknown"], ages = ["0-17", "18-39", "40-64", "65-79", "80+", "Unknown"], sexes = ["F", "M", "U"];
        return Enumerable.Range(0, 3000).Select(i =>
        {
            var (instrument, higher, low, high) = (i % 3) switch
            {
                0 => ("SWEMWBS", true, 7, 35),
                1 => ("WEMWBS", true, 14, 70),
                _ => ("ONS4_ANXIETY", false, 0, 10),
            };
            var pcn = $"U{random.Next(8):00000}";
            // One PCN renamed in the cohort: its rows carry two names.
            var name = pcn == "U00003" && random.Next(2) == 0 ? "Renamed PCN" : $"PCN {pcn}";
            double? followup = random.Next(5) == 0 ? null : random.Next(low, high + 1);
            return new PairRow(instrument, higher, pcn, name, random.Next(low, high + 1), followup,
                [quintiles[random.Next(6)], ages[random.Next(6)], sexes[random.Next(3)]]);
        }).ToList();
    }

    private static WellbeingTally Tally(IEnumerable<PairRow> rows)
    {
        var tally = new WellbeingTally(Parameters);
        foreach (var r in rows)
            tally.Add(r.Instrument, r.HigherIsBetter, r.Pcn, r.Name, r.Baseline, r.Followup, r.Groups);
        return tally;
    }

    private static double Score(PairRow r, double raw) => r.Instrument == "SWEMWBS" ? SwemwbsScores.ToMetric((int)raw) : raw;

    private static double Threshold(string instrument) => instrument switch
    {
        "SWEMWBS" => Parameters.SwemwbsMeaningfulChange,
        "WEMWBS" => Parameters.WemwbsMeaningfulChange,
        _ => Parameters.Ons4MeaningfulChange,
    };

    private static bool Improved(PairRow r)
    {
        var change = Score(r, r.Followup!.Value) - Score(r, r.Baseline);
        return (r.HigherIsBetter ? change : -change) >= Threshold(r.Instrument);
    }

    [Fact]
    public void Wellbeing_change_equals_the_rows_worked_out_directly()
    {
        var rows = Rows(1);

        var table = WellbeingChange.Build(Tally(rows), Cohort, Parameters);

        table.Rows.Select(r => r.Instrument).Should().Equal("ONS4_ANXIETY", "SWEMWBS", "WEMWBS");
        foreach (var row in table.Rows)
        {
            var due = rows.Where(r => r.Instrument == row.Instrument).ToList();
            var paired = due.Where(r => r.Followup is not null).ToList();
            row.WithBaseline.Should().Be(due.Count);
            row.WithBoth.Should().Be(paired.Count);
            row.Improved.Should().Be(paired.Count(Improved));
            row.MeanBaseline!.Value.Should().BeApproximately(paired.Average(r => Score(r, r.Baseline)), 1e-9);
            row.MeanFollowup!.Value.Should().BeApproximately(paired.Average(r => Score(r, r.Followup!.Value)), 1e-9);
            var changes = paired.Select(r => Score(r, r.Followup!.Value) - Score(r, r.Baseline)).ToList();
            var mean = changes.Average();
            var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, changes.Count - 1, 0.975)
                * MathNet.Numerics.Statistics.Statistics.StandardDeviation(changes) / Math.Sqrt(changes.Count);
            row.MeanChange!.Value.Should().BeApproximately(mean, 1e-9);
            row.ChangeLower!.Value.Should().BeApproximately(mean - half, 1e-9);
            row.ChangeUpper!.Value.Should().BeApproximately(mean + half, 1e-9);
        }
    }

    [Fact]
    public void Pcn_and_patient_group_counts_equal_the_rows_grouped_directly()
    {
        var rows = Rows(2);
        var tally = Tally(rows);
        var paired = rows.Where(r => r.Followup is not null).ToList();

        var pcns = PcnSocialPrescribing.Wellbeing(tally, Cohort, Parameters).Rows;
        var groups = EquityTables.Wellbeing(tally, Cohort, Parameters).Rows;

        pcns.Select(r => (r.PcnCode, r.PcnName, r.Instrument, r.WithBoth, r.Improved)).Should().Equal(paired
            .GroupBy(r => (r.Pcn, r.Instrument)).OrderBy(g => g.Key.Pcn, StringComparer.Ordinal).ThenBy(g => g.Key.Instrument, StringComparer.Ordinal)
            .Select(g => (g.Key.Pcn, g.Max(r => r.Name)!, g.Key.Instrument, (long)g.Count(), (long)g.Count(Improved))));
        pcns.Where(r => r.PcnCode == "U00003").Should().OnlyContain(r => r.PcnName == "Renamed PCN", "a renamed PCN shows the greatest of its names, as before");
        foreach (var (family, index) in new[] { ("imd", 0), ("age", 1), ("sex", 2) })
        {
            groups.Where(r => r.Family == family).Select(r => (r.Group, r.Instrument, r.WithBoth, r.Improved)).Should().BeEquivalentTo(paired
                .GroupBy(r => (r.Groups[index], r.Instrument)).Select(g => (g.Key.Item1, g.Key.Instrument, (long)g.Count(), (long)g.Count(Improved))));
        }
    }

    [Fact]
    public void The_tables_do_not_depend_on_the_order_of_the_rows()
    {
        var rows = Rows(3);
        var shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToList();

        WellbeingChange.Build(Tally(shuffled), Cohort, Parameters).Rows.Should().Equal(WellbeingChange.Build(Tally(rows), Cohort, Parameters).Rows);
        PcnSocialPrescribing.Wellbeing(Tally(shuffled), Cohort, Parameters).Rows.Should().Equal(PcnSocialPrescribing.Wellbeing(Tally(rows), Cohort, Parameters).Rows);
        EquityTables.Wellbeing(Tally(shuffled), Cohort, Parameters).Rows.Should().Equal(EquityTables.Wellbeing(Tally(rows), Cohort, Parameters).Rows);
    }
}
