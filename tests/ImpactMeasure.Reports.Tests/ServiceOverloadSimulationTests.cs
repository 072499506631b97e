using Xunit.Abstractions;
using ImpactMeasure.Reports.Metrics;
using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Tests;

/// <summary>"Possibly overloaded" (METHODS §2) by simulation with a known answer, over 20 seeds: 30 services in 5
/// categories, 24 months of service decisions (2 to 200 a month, so some months are too small to judge), every
/// service of a category with the same true capacity-rejection rate and one service planted to jump from 6% to 42%
/// in month 13 (150 decisions a month, like the sample's planted service). Every flag on another service is a false alarm: they are counted, and must stay rare.</summary>
public class ServiceOverloadSimulationTests(ITestOutputHelper output)
{
    private const int Seeds = 20;
    private static readonly DateOnly Start = new(2023, 10, 1);
    private static readonly string[] Columns =
        ["month_start_date", "service_code", "service_name", "category_code", "referrals", "with_decision", "accepted_by_service", "rejected_capacity",
         "rejected_inappropriate", "declined_by_patient", "pending", "attended", "attended_days_to_outcome"];

    [Fact]
    public void The_planted_service_is_flagged_from_its_month_and_false_alarms_are_rare()
    {
        var (falseAlarms, judged, tooSmall, plantedFlagged, plantedMonths) = (0, 0, 0, 0, 0);
        var window = ReportWindow.Ending(Start.AddMonths(23), 12, null);
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var table = ServiceOverload.Build(History(seed), window, new MethodParameters());

            var planted = table.Rows.Where(r => r.ServiceCode == "S00").ToList();
            // Laney's σz grows with the step itself, so not every month after it is outside the limits: most are.
            planted.Count(r => r.PossiblyOverloaded != ServiceOverload.No).Should().BeGreaterThanOrEqualTo(planted.Count / 2, $"seed {seed}");
            plantedFlagged += planted.Count(r => r.PossiblyOverloaded != ServiceOverload.No);
            plantedMonths += planted.Count;
            planted.Should().Contain(r => r.Month == ReportWindow.MonthKey(Start.AddMonths(12)) && r.PossiblyOverloaded != ServiceOverload.No, $"seed {seed}: from its planted month");
            var others = table.Rows.Where(r => r.ServiceCode != "S00").ToList();
            falseAlarms += others.Count(r => ServiceOverload.IsFlagged(r.PossiblyOverloaded));
            judged += others.Count(r => r.Point.Judged);
            tooSmall += others.Count(r => !r.Point.Judged);
            others.Where(r => !r.Point.Judged).Should().NotContain(r => r.WithDecision >= 10 || r.PossiblyOverloaded.Contains(ServiceOverload.Rising, StringComparison.Ordinal));
        }

        output.WriteLine($"false alarms: {falseAlarms} in {judged} judged service-months ({tooSmall} not judged); planted service flagged in {plantedFlagged} of {plantedMonths} months after its step");
        // A 3σ limit gives about 0.14% high-side alarms per judged month; Laney's p′ and the funnel add a few.
        judged.Should().BeGreaterThan(5000);
        tooSmall.Should().BeGreaterThan(0, "the simulation includes months too small to judge");
        ((double)falseAlarms / judged).Should().BeLessThan(0.01, $"{falseAlarms} false alarms in {judged} judged service-months");
    }

    private static List<ReportQueries.Row> History(int seed)
    {
        var random = new Random((seed * 7919) + 3);
        var index = Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var rows = new List<ReportQueries.Row>();
        for (var s = 0; s < 30; s++)
        {
            var category = $"cat{s % 5}";
            var rate = 0.04 + (0.03 * (s % 5));
            var size = s == 0 ? 150 : 2 + random.Next(199);
            for (var m = 0; m < 24; m++)
            {
                var decisions = Math.Max(1, Poisson.Sample(random, size));
                var p = s == 0 ? (m >= 12 ? 0.42 : 0.06) : rate;
                var rejected = Binomial.Sample(random, p, decisions);
                rows.Add(new ReportQueries.Row(index, [Start.AddMonths(m), $"S{s:00}", $"Service {s}", s == 0 ? "planted" : category, (long)decisions, (long)decisions,
                    (long)(decisions - rejected), (long)rejected, 0L, 0L, 0L, 0L, 0L]));
            }
        }
        return rows;
    }
}
