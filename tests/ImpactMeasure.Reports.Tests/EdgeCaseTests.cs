using ImpactMeasure.Etl;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Zero denominators, empty months, single referrals and all-pending services: blanks with reasons,
/// never NaN or a crash, on both engines.</summary>
public class EdgeCaseTests
{
    private const string Header =
        "event_id,event_date,practice_code,role,patient_id,requested_gp_appointment,referrer_role,reason_code,destination_service_code,destination_service_name,destination_category,outcome,outcome_date,age_band,sex,imd_decile";

    [Theory, EveryEngine]
    public async Task Edge_cases_give_blanks_with_reasons(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-edge-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "signposting.csv");
            await File.WriteAllLinesAsync(file,
            [
                Header,
                "E1,2025-10-06,A81001,care_navigator,p1,Y,,msk,ONE,Single Referral Service,physiotherapy_msk,accepted,2025-10-07,40-64,F,3",
                "E2,2025-10-06,A81001,care_navigator,p2,Y,,msk,PEND,Pending Service,vcse_group,pending,,40-64,F,3",
                "E3,2025-10-07,A81001,care_navigator,p3,Y,,msk,PEND,Pending Service,vcse_group,pending,,40-64,F,3",
            ]);
            await using var warehouse = await test.OpenAsync();
            await new Ingestor(warehouse, new EtlOptions()).IngestAsync([file]);
            var report = new MetricsReport(warehouse, new MethodParameters());

            var october = await report.RunAsync(ReportWindow.Ending(new DateOnly(2025, 10, 1), 1, null), suppress: false);
            var empty = await report.RunAsync(ReportWindow.Ending(new DateOnly(2024, 3, 1), 1, null), suppress: false);

            var outcomes = october.ReferralOutcomes;
            var pending = outcomes.Rows.Single(r => r.Breakdown == "service" && r.Code == "PEND");
            pending.Acceptance.Value.Should().BeNull();
            pending.Note.Should().Be("all outcomes pending: no rates yet");
            var single = outcomes.Rows.Single(r => r.Breakdown == "service" && r.Code == "ONE");
            single.Acceptance.Value.Should().Be(1.0);
            single.Acceptance.Lower!.Value.Should().BeApproximately(0.2065, 1e-4, "Wilson for 1 of 1");
            october.Representation.Rows.Select(r => r.Source).Should().Equal(["sensitivity", "sensitivity", "sensitivity", "sensitivity"],
                "no patient-level appointments were loaded and no rate is configured");
            october.FreedGpTime.Rows.Should().HaveCount(12, "one row per sensitivity rate for the area, its PCN and its practice");
            october.FreedGpTime.Rows.Should().OnlyContain(r => r.Counts.NoPatientLevel == 1 && r.RateSource.StartsWith("sensitivity", StringComparison.Ordinal));
            october.FreedGpTime.Rows.Select(r => r.FreedCentral).Should().Equal([1.0, 0.9, 0.8, 0.7, 1.0, 0.9, 0.8, 0.7, 1.0, 0.9, 0.8, 0.7],
                "never a rate of 0 for a practice with no patient-level data: each sensitivity rate in turn");
            october.Wellbeing.Rows.Should().BeEmpty();
            empty.Tables.SelectMany(t => t.PublishedRows()).SelectMany(r => r).OfType<double>().Should().NotContain(d => !double.IsFinite(d));
            empty.ReferralOutcomes.Rows.Should().BeEmpty();
            var csv = empty.WriteCsv(Path.Combine(folder, "out"));
            csv.Should().HaveCount(8);
            File.ReadAllText(Path.Combine(folder, "out", "representation.csv")).Should().NotContain("NaN");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_is_neutralised()
    {
        CsvReportWriter.NeutraliseFormula("=HYPERLINK(\"x\")").Should().Be("'=HYPERLINK(\"x\")");
        CsvReportWriter.NeutraliseFormula("@SUM(A1)").Should().StartWith("'");
        CsvReportWriter.NeutraliseFormula("+1").Should().StartWith("'");
        CsvReportWriter.NeutraliseFormula("-1").Should().StartWith("'");
        CsvReportWriter.NeutraliseFormula("\tx").Should().StartWith("'");
        CsvReportWriter.NeutraliseFormula("Physio").Should().Be("Physio");
        CsvReportWriter.NeutraliseFormula("Pharm;=3+3").Should().StartWith("'", "Excel in a ';' locale splits there");
        CsvReportWriter.NeutraliseFormula("Pharm,@SUM(A1)").Should().StartWith("'");
        CsvReportWriter.NeutraliseFormula("Age 40-64").Should().Be("Age 40-64", "a dash inside a word is not a formula");
    }
}
