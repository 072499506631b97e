using ClosedXML.Excel;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary><c>suppression_rounding: 5</c> (counts to the nearest 5, figures from the rounded counts) and the
/// NOT FOR SHARING label on every output written without disclosure control.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class RoundingAndLabelTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task With_rounding_counts_are_multiples_of_5_rates_come_from_them_and_nothing_hidden_can_be_worked_out(string engine)
    {
        var parameters = new MethodParameters { SuppressionRounding = 5 };
        var shared = await sample.MetricsAsync(engine, "2025-09", 12, suppress: true, parameters);
        var unsuppressed = await sample.MetricsAsync(engine, "2025-09", 12, suppress: false, parameters);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-round-{Guid.NewGuid():N}");
        try
        {
            shared.WriteCsv(folder);
            var outcomes = PublishedFile.Read(Path.Combine(folder, "referral_outcomes.csv")).Rows;
            foreach (var row in outcomes)
            {
                foreach (var column in new[] { "referrals", "with_service_decision", "accepted_by_service", "rejected_capacity", "pending" })
                {
                    if (PublishedFile.Number(row[column]) is { } count)
                        (count % 5).Should().Be(0, $"{column} of {row["code"]} is published to the nearest 5");
                }
                if (PublishedFile.Number(row["accepted_by_service"]) is { } accepted && PublishedFile.Number(row["with_service_decision"]) is > 0 and var decisions)
                    PublishedFile.Number(row["acceptance_rate"]).Should().Be(Math.Round(accepted / decisions, 3, MidpointRounding.AwayFromZero), "rates come from the rounded counts");
            }
            File.ReadAllText(Path.Combine(folder, "referral_outcomes.csv")).Should().Contain("counts rounded to the nearest 5");

            var outcome = ReleaseAttack.Run(shared.Tables, unsuppressed.Tables, shared.Window, parameters, shared.Members, 7);
            outcome.Inconsistent.Should().BeEmpty();
            outcome.Narrowed.Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Files_and_packs_without_disclosure_control_say_NOT_FOR_SHARING()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-internal-{Guid.NewGuid():N}");
        try
        {
            var files = (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 1, suppress: false)).WriteCsv(folder);
            files.Should().HaveCount(8).And.OnlyContain(f => File.ReadLines(f).Take(3).Any(l => l.StartsWith("# NOT FOR SHARING", StringComparison.Ordinal)));

            await using var warehouse = await sample[EngineNames.DuckDb].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            var data = await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(new DateOnly(2025, 9, 1), null, suppress: false);
            var pack = Path.Combine(folder, "internal.xlsx");
            MonthlyPack.Write(pack, data);
            using var workbook = new XLWorkbook(pack);
            workbook.Worksheet("Cover").Column(1).CellsUsed().Select(c => c.GetString()).Should().Contain(s => s.StartsWith("NOT FOR SHARING", StringComparison.Ordinal));
            workbook.Worksheet("Notes").CellsUsed().Select(c => c.GetString()).Should().Contain(s => s.StartsWith("NOT FOR SHARING", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
