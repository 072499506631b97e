using System.Globalization;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The slope and relative index of inequality against PHEindicatormethods 2.1.0 <c>phe_sii</c>
/// (vectors/models/sii_*): point estimates to 1e-10 for every test case of the package, limits exactly from the
/// shipped draws, and limits from our own generator within the tolerance the vectors state.</summary>
public class SiiVectorTests
{
    private static readonly IReadOnlyList<Vector> Inputs = Vector.Read("models/sii_input.csv");
    private static readonly IReadOnlyList<Vector> Expected = Vector.Read("models/sii_expected.csv");
    private static readonly IReadOnlyList<Vector> ExpectedLimits = Vector.Read("models/sii_expected_ci.csv");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Expected)
            data.Add(row.Text("case_id"), row.Text("area"));
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Point_estimates_equal_phe_sii(string caseId, string area)
    {
        var expected = Expected.Single(r => r.Text("case_id") == caseId && r.Text("area") == area);

        var result = Run(expected, repetitions: 0, (_, _) => 0, limits: false);

        if (expected.Number("sii") is { } sii)
            result.Sii.Should().BeApproximately(sii, Tolerance(sii), $"{caseId} {area} SII");
        result.Rii.Should().BeApproximately(expected.Number("rii_derived")!.Value, Tolerance(expected.Number("rii_derived")!.Value), $"{caseId} {area} RII");
        result.Intercept.Should().BeApproximately(expected.Number("intercept_derived")!.Value, Tolerance(expected.Number("intercept_derived")!.Value), $"{caseId} {area} intercept");
    }

    [Theory]
    [InlineData("d01")]
    [InlineData("d02")]
    public void Limits_from_the_shipped_draws_equal_phe_sii_exactly(string caseId)
    {
        var expected = Expected.Single(r => r.Text("case_id") == caseId);
        var draws = Vector.Read("models/sii_sim_draws.csv").OrderBy(r => r.Number("rep")).Select(r => Enumerable.Range(1, 10).Select(q => r.Number($"z_q{q}")!.Value).ToArray()).ToArray();

        var result = Run(expected, draws.Length, (rep, q) => draws[rep][q]);

        var limits = ExpectedLimits.Single(r => r.Text("case_id") == caseId);
        var got = result.Limits.Single();
        got.SiiLower.Should().BeApproximately(limits.Number("sii_lower")!.Value, Tolerance(limits.Number("sii_lower")!.Value));
        got.SiiUpper.Should().BeApproximately(limits.Number("sii_upper")!.Value, Tolerance(limits.Number("sii_upper")!.Value));
        got.RiiLower.Should().BeApproximately(limits.Number("rii_lower")!.Value, Tolerance(limits.Number("rii_lower")!.Value));
        got.RiiUpper.Should().BeApproximately(limits.Number("rii_upper")!.Value, Tolerance(limits.Number("rii_upper")!.Value));
    }

    [Theory]
    [InlineData("t01", "area1")]
    [InlineData("t12", "area2")]
    [InlineData("t18", "area1")]
    [InlineData("t26", "area2")]
    public void Limits_from_our_own_generator_fall_within_three_percent_of_the_width(string caseId, string area)
    {
        var expected = Expected.Single(r => r.Text("case_id") == caseId && r.Text("area") == area);
        const int repetitions = 100_000;

        var result = Run(expected, repetitions, SlopeIndexOfInequality.SeededNormal(10, repetitions, seed: 20261204));

        foreach (var limits in ExpectedLimits.Where(r => r.Text("case_id") == caseId && r.Text("area") == area))
        {
            var level = limits.Number("confidence")!.Value / 100;
            var got = result.Limits.Single(l => Math.Abs(l.Confidence - level) < 1e-9);
            var (lower, upper) = (limits.Number("sii_lower")!.Value, limits.Number("sii_upper")!.Value);
            var width = Math.Abs(upper - lower);
            got.SiiLower.Should().BeApproximately(lower, 0.03 * width, $"{caseId} {area} at {level:P0}");
            got.SiiUpper.Should().BeApproximately(upper, 0.03 * width);
        }
    }

    private static InequalityIndex Run(Vector expected, int repetitions, Func<int, int, double> draws, bool limits = true)
    {
        var type = (InequalityValueType)int.Parse(expected.Text("value_type"), CultureInfo.InvariantCulture);
        var rows = Inputs.Where(r => r.Text("dataset_id") == expected.Text("dataset_id") && r.Text("area") == expected.Text("area"))
            .OrderBy(r => r.Number("quantile")).ToList();
        var quantiles = rows.Select(r =>
        {
            var population = r.Number("population")!.Value;
            var value = expected.Text("value_input") == "x" ? r.Number("count")!.Value / population : r.Number("value")!.Value;
            var se = expected.Text("uncertainty_input") == "se" ? r.Number("standard_error")!.Value
                : SlopeIndexOfInequality.StandardErrorFromLimits(r.Number("lower_cl")!.Value, r.Number("upper_cl")!.Value, type);
            return new InequalityQuantile(population, value, se);
        }).ToList();
        var confidences = limits ? expected.Text("confidence").Split(';').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToList() : [];
        return SlopeIndexOfInequality.Compute(quantiles, type, expected.Text("transform") == "true", expected.Number("multiplier")!.Value, confidences, repetitions, draws);
    }

    private static double Tolerance(double expected) => Math.Max(Math.Abs(expected) * 1e-10, 1e-12);
}
