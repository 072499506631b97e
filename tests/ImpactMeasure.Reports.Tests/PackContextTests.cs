using ClosedXML.Excel;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;
using Microsoft.VisualBasic.FileIO;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Table_1's GPAD context checked against the raw extracts, read here independently of the ETL: GP
/// appointments in the month, per 1,000 registered patients, and freed appointments as a share of them.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PackContextTests(SampleWarehouses sample)
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "sample-data", "sample");

    [Theory, EveryEngine]
    public async Task Gp_appointment_context_matches_the_raw_extracts(string engine)
    {
        var path = await MonthlyPackTests.WritePackAsync(sample[engine], "2025-09");
        using var workbook = new XLWorkbook(path);
        var table = workbook.Worksheet("Table_1");
        IXLRangeRow Row(string measure) => table.Tables.Single().DataRange.Rows().Single(r => r.Cell(1).GetString() == measure);

        var gp = Sum(Path.Combine(Sample, "gpad", "practice-level-crosstab-2025-09.csv"), "COUNT_OF_APPOINTMENTS", r => r["HCP_TYPE"] == "GP");
        var patients = Sum(Path.Combine(Sample, "reference", "list-size-2025-09.csv"), "NUMBER_OF_PATIENTS", _ => true);

        Row("Context: GP appointments (GPAD)").Cell(3).GetDouble().Should().Be(gp);
        Row("Context: GP appointments per 1,000 registered patients").Cell(3).GetDouble().Should().BeApproximately(gp * 1000.0 / patients, 0.0005, "published to three places");
        var freed = Row("GP appointments freed (central estimate)").Cell(3).GetDouble();
        Row("Context: freed appointments as a share of GP appointments").Cell(3).GetDouble().Should().BeApproximately(freed / gp, 0.0005);
    }

    [Theory, EveryEngine]
    public async Task Table_1s_rate_intervals_are_the_wilson_intervals_of_the_months_counts(string engine)
    {
        var path = await MonthlyPackTests.WritePackAsync(sample[engine], "2025-09");
        using var workbook = new XLWorkbook(path);
        IXLRangeRow Row(string sheet, Func<IXLRangeRow, bool> which) => workbook.Worksheet(sheet).Tables.Single().DataRange.Rows().Single(which);
        var outcomes = workbook.Worksheets.Single(s => s.Cell(1, 1).GetString().StartsWith("Table 4", StringComparison.Ordinal) || s.Cell(1, 1).GetString().Contains("Referral outcomes by service", StringComparison.Ordinal)).Name;
        var area = Row(outcomes, r => r.Cell(1).GetString() == "ALL");
        var decisions = area.Cell(4).GetDouble();
        foreach (var (measure, column) in new[] { ("Service acceptance rate", 5), ("Capacity rejection rate", 8), ("Inappropriate referral rate", 11) })
        {
            var headline = Row("Table_1", r => r.Cell(1).GetString() == measure);
            var rate = headline.Cell(3).GetDouble();
            // A rate published to three places names the count only to within one when there are over 500 decisions:
            // the bounds must be Wilson's for a count that gives the published rate.
            var counts = Enumerable.Range(-1, 3).Select(d => Math.Round(rate * decisions) + d).Where(k => Math.Abs((k / decisions) - rate) <= 0.0005).ToList();
            counts.Should().NotBeEmpty();
            counts.Select(k => Reference.Wilson(k, decisions)).Should().Contain(expected =>
                Math.Abs(headline.Cell(7).GetDouble() - expected.Lower) <= 0.0005 && Math.Abs(headline.Cell(8).GetDouble() - expected.Upper) <= 0.0005,
                $"{measure}'s bounds are Wilson's on the month's counts");
            headline.Cell(7).GetDouble().Should().Be(area.Cell(column + 1).GetDouble(), "the same interval as the area row of the outcomes table");
            headline.Cell(8).GetDouble().Should().Be(area.Cell(column + 2).GetDouble());
        }
    }

    // Wilson's score interval written out from its formula (z for 95%), independently of the statistics code.
    private static class Reference
    {
        public static (double Lower, double Upper) Wilson(double successes, double n)
        {
            const double z = 1.959963984540054;
            var p = successes / n;
            var centre = p + (z * z / (2 * n));
            var spread = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n)));
            var denominator = 1 + (z * z / n);
            return ((centre - spread) / denominator, (centre + spread) / denominator);
        }
    }

    [Theory, EveryEngine]
    public async Task A_pcn_pack_compares_the_pcn_with_its_icb_figure_for_figure(string engine)
    {
        var icbPath = await MonthlyPackTests.WritePackAsync(sample[engine], "2025-09");
        var pcnPath = await MonthlyPackTests.WritePackAsync(sample[engine], "2025-09", "U10004");
        using var icbPack = new XLWorkbook(icbPath);
        using var pcnPack = new XLWorkbook(pcnPath);
        var comparator = pcnPack.Worksheets.Single(s => s.Cell(1, 1).GetString().Contains("in its ICB", StringComparison.Ordinal));
        comparator.Cell(1, 1).GetString().Should().Contain("(QXA)", "the ICB is named with its code");
        static Dictionary<string, string> ThisMonth(IXLWorksheet sheet, int column) =>
            sheet.Tables.Single().DataRange.Rows().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(column).GetFormattedString());
        var rows = ThisMonth(comparator, 3);

        rows.Keys.Should().BeEquivalentTo(ThisMonth(pcnPack.Worksheet("Table_1"), 3).Keys);
        rows.Should().Equal(ThisMonth(pcnPack.Worksheet("Table_1"), 3), "the PCN column is the PCN pack's own headline this month");
        var icb = ThisMonth(comparator, 4);
        var icbHeadline = ThisMonth(icbPack.Worksheet("Table_1"), 3);
        foreach (var (measure, value) in icb.Where(p => p.Value != "[c]" && icbHeadline[p.Key] != "[c]"))
            value.Should().Be(icbHeadline[measure], $"{measure} is the same ICB figure in both packs");
        icb["Context: GP appointments (GPAD)"].Should().Be(Sum(Path.Combine(Sample, "gpad", "practice-level-crosstab-2025-09.csv"), "COUNT_OF_APPOINTMENTS", r => r["HCP_TYPE"] == "GP").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static long Sum(string file, string column, Func<IReadOnlyDictionary<string, string>, bool> where)
    {
        using var parser = new TextFieldParser(file) { TextFieldType = FieldType.Delimited, Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!;
        long total = 0;
        while (parser.ReadFields() is { } fields)
        {
            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            if (where(row))
                total += long.Parse(row[column], System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }
}
