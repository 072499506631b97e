using ClosedXML.Excel;
using ImpactMeasure.Etl.Privacy;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Idempotence, re-issues, event updates, SCD type 2, NHS numbers and XLSX.</summary>
public class LoadSemanticsTests
{
    [Theory, EveryEngine]
    public async Task The_same_file_twice_is_a_no_op(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var file = ReferenceData.Extract("gpad_practice_level_crosstab_oct2025_two_pcns.csv");

        var first = await etl.IngestAsync(file);
        var second = await etl.IngestAsync(file);

        second.Status.Should().Be(LoadStatus.AlreadyLoaded);
        second.Message.Should().Be($"already loaded as batch {first.BatchId}");
        (await etl.CountAsync("select count(*) from fact_appointments")).Should().Be(3034);
    }

    [Theory, EveryEngine]
    public async Task A_reissued_extract_for_the_same_month_and_practices_supersedes_the_earlier_batch(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var first = await etl.IngestAsync(etl.Write("oct.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(10), Fixtures.Crosstab(20, lead: "1 Day"))));
        var otherMonth = await etl.IngestAsync(etl.Write("nov.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5, month: "01NOV2025"))));

        var reissue = await etl.IngestAsync(etl.Write("oct-revised.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(11), Fixtures.Crosstab(21, lead: "1 Day"))));

        reissue.Status.Should().Be(LoadStatus.Loaded);
        reissue.RowsSuperseded.Should().Be(2);
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(11 + 21 + 5);
        (await etl.RowsAsync("select status, superseded_by from etl_load_batch where load_batch_id = $1", first.BatchId))[0]
            .Select(v => v?.ToString()).Should().Equal("superseded", reissue.BatchId.ToString());
        (await etl.CountAsync("select count(*) from etl_load_batch where load_batch_id = $1 and status = 'loaded'", otherMonth.BatchId)).Should().Be(1);
    }

    [Theory, EveryEngine]
    public async Task A_repeated_event_id_updates_the_event(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("sp-1.csv", Fixtures.SignpostingHeader, Fixtures.Signpost("E1", "pending"), Fixtures.Signpost("E2", "attended")));

        var update = await etl.IngestAsync(etl.Write("sp-2.csv", Fixtures.SignpostingHeader, Fixtures.Signpost("E1", "rejected_capacity"), Fixtures.Signpost("E3")));

        update.RowsUpdated.Should().Be(1);
        (await etl.RowsAsync("select f.event_id, o.outcome_code from fact_signpost f join dim_outcome o on o.outcome_key = f.outcome_key order by f.event_id"))
            .Select(r => $"{r[0]}:{r[1]}").Should().Equal("E1:rejected_capacity", "E2:attended", "E3:accepted");
        (await etl.CountAsync("select count(*) from dim_service where service_code = 'MSK1' and category_code = 'physiotherapy_msk'")).Should().Be(1);
    }

    [Theory, EveryEngine]
    public async Task A_practice_that_moves_pcn_keeps_its_history(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        const string header = "PRACTICE_CODE,PRACTICE_NAME,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,ICB_CODE,COMM_REGION_CODE,EXTRACT_DATE";
        await etl.IngestAsync(etl.Write("map-sep.csv", header, "A81001,ONE,U11111,FIRST PCN,16C,QHM,Y63,01Sep2025"));
        await etl.IngestAsync(etl.Write("map-oct.csv", header, "A81001,ONE,U11111,FIRST PCN,16C,QHM,Y63,01Oct2025"));
        await etl.IngestAsync(etl.Write("map-nov.csv", header, "A81001,ONE,U22222,SECOND PCN,16C,QHM,Y63,01Nov2025"));

        await etl.IngestAsync(etl.Write("c.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(4, month: "01OCT2025"), Fixtures.Crosstab(6, month: "01NOV2025"))));

        var versions = await etl.RowsAsync("select pcn_code, valid_from, valid_to, is_current from dim_practice where practice_code = 'A81001' order by valid_from");
        versions.Select(v => $"{v[0]}|{Render(v[1])}|{Render(v[2])}|{v[3]}").Should().Equal(
            "U11111|1900-01-01|2025-11-01|False", "U22222|2025-11-01|9999-12-31|True");
        (await etl.RowsAsync(
            "select p.pcn_code, f.appointment_count from fact_appointments f join dim_practice p on p.practice_key = f.practice_key order by f.date_key"))
            .Select(r => $"{r[0]}:{r[1]}").Should().Equal("U11111:4", "U22222:6");
    }

    [Theory, EveryEngine]
    public async Task Nhs_numbers_are_pseudonymised_on_read_and_never_stored(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var header = Fixtures.SignpostingHeader.Replace("patient_id", "nhs_number", StringComparison.Ordinal);

        var others = ValidNhsNumbers().Take(30).Select((n, i) => Fixtures.Signpost($"V{i}", patient: n));

        var result = await etl.IngestAsync(etl.Write("nhs.csv", [header, Fixtures.Signpost("E1", patient: "943 476 5919"), Fixtures.Signpost("E2", patient: "9434765918"), .. others]));

        result.RowsLoaded.Should().Be(31);
        result.FirstProblems.Single().Should().Be("nhs.csv:3: nhs_number '********18' is not a valid NHS number (10 digits with a modulus-11 check digit)");
        var stored = (string)(await etl.RowsAsync("select patient_pseudo_id from fact_signpost where event_id = 'E1'"))[0][0]!;
        stored.Should().Be(new Pseudonymiser(EtlHarness.TestKey).PseudoIdOf("9434765919")).And.HaveLength(64).And.NotContain("9434765919");
        (await etl.CountAsync("select count(*) from etl_quarantine where raw_value like '%9434765918%'")).Should().Be(0);
    }

    [Theory, EveryEngine]
    public async Task A_file_with_nhs_numbers_and_no_key_is_rejected_before_reading(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        etl.Options = etl.Options with { Pseudonymiser = null };
        var header = Fixtures.SignpostingHeader.Replace("patient_id", "nhs_number", StringComparison.Ordinal);

        var result = await etl.IngestAsync(etl.Write("nhs.csv", header, Fixtures.Signpost("E1", patient: "9434765919")));

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().StartWith("nhs.csv:1 column nhs_number: the file holds NHS numbers and no pseudonymisation key is configured: set IMPACT_PSEUDO_KEY");
        (await etl.CountAsync("select count(*) from fact_signpost")).Should().Be(0);
    }

    [Theory, EveryEngine]
    public async Task An_nhs_number_in_another_column_is_quarantined_as_a_leak(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 30).Select(i => Fixtures.Signpost($"E{i}")).ToList();
        rows.Add(Fixtures.Signpost("E99").Replace("MSK First Contact Physiotherapy", "9434765919", StringComparison.Ordinal));

        var result = await etl.IngestAsync(etl.Write("leak.csv", [Fixtures.SignpostingHeader, .. rows]));

        result.RowsLoaded.Should().Be(30);
        result.FirstProblems.Single().Should().Be(
            "leak.csv:32: destination_service_name '********19' holds what looks like an NHS number (10 digits with a valid check digit): a likely data leak, so the row is not loaded");
    }

    [Theory, EveryEngine]
    public async Task Local_formats_load_from_xlsx(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var path = Path.Combine(etl.Folder, "signposting.xlsx");
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("events");
            var header = Fixtures.SignpostingHeader.Split(',');
            for (var c = 0; c < header.Length; c++)
                sheet.Cell(1, c + 1).SetValue(header[c]);
            var values = Fixtures.Signpost("X1").Split(',');
            for (var c = 0; c < values.Length; c++)
                sheet.Cell(2, c + 1).SetValue(values[c]);
            sheet.Cell(2, 2).SetValue(new DateTime(2025, 10, 6));
            workbook.SaveAs(path);
        }

        var result = await etl.IngestAsync(path);

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.Encoding.Should().Be("xlsx");
        (await etl.CountAsync("select date_key from fact_signpost where event_id = 'X1'")).Should().Be(20251006);
    }

    [Theory, EveryEngine]
    public async Task Older_ccg_headers_are_accepted(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var result = await etl.IngestAsync(etl.Write("old.csv",
            "CCG_CODE,APPOINTMENT_DATE,ACTUAL_DURATION,COUNT_OF_APPOINTMENTS", "00L,01OCT2021,6-10 Minutes,12", "00L,01OCT2021,Unknown / Data Issue,3"));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        (await etl.CountAsync("select sum(appointment_count) from fact_subicb_appointments where sub_icb_code = '00L'")).Should().Be(15);
    }

    [Theory, EveryEngine]
    public async Task Two_ingests_of_one_file_at_once_load_it_once(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var path = etl.Write("twice.csv", [Fixtures.SignpostingHeader, .. Enumerable.Range(0, 2000).Select(i => Fixtures.Signpost($"T{i}"))]);

        var results = await Task.WhenAll(etl.IngestAsync(path), etl.IngestAsync(path));

        results.Select(r => r.Status).Should().BeEquivalentTo([LoadStatus.Loaded, LoadStatus.AlreadyLoaded], string.Join("; ", results.Select(r => r.Message)));
        (await etl.CountAsync("select count(*) from fact_signpost")).Should().Be(2000);
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1);
    }

    [Theory, EveryEngine]
    public async Task A_partial_gpad_file_replaces_its_own_practices_and_never_adds_to_them(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("mapping.csv", "GP_CODE,PCN_CODE,SUB_ICB_LOCATION_CODE,ICB_CODE,REGION_CODE",
            "A81001,U12345,16C,QHM,Y63", "A81002,U12345,16C,QHM,Y63", "A81003,U12345,16C,QHM,Y63"));
        var full = etl.Write("full.csv", Fixtures.CrosstabFile(
            Fixtures.Crosstab(10, "A81001"), Fixtures.Crosstab(20, "A81002"), Fixtures.Crosstab(40, "A81003")));
        var partial = etl.Write("partial.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(11, "A81001"), Fixtures.Crosstab(22, "A81002")));
        var reissue = etl.Write("reissue.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5, "A81003", lead: "1 Day")));

        (await etl.IngestAsync(full)).Status.Should().Be(LoadStatus.Loaded);
        var second = await etl.IngestAsync(partial);

        second.Status.Should().Be(LoadStatus.Loaded, second.Message);
        second.Message.Should().Contain("covers 2 practices and replaces batch").And.Contain("(full.csv) only for them: 1 other practices stay from that batch");
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(11 + 22 + 40);

        var third = await etl.IngestAsync(full);
        third.Status.Should().Be(LoadStatus.Loaded, "the full file was partly replaced, so it loads again and takes its practices back ({0})", third.Message);
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(10 + 20 + 40);
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(2, "the mapping and the full file; the partial file is superseded");
        (await etl.IngestAsync(full)).Status.Should().Be(LoadStatus.AlreadyLoaded);

        await etl.IngestAsync(reissue);
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(10 + 20 + 5, "the same practice and month from another file replaces it");
    }

    [Theory, EveryEngine]
    public async Task A_partial_sub_icb_file_replaces_its_own_sub_icbs_and_other_regions_sit_beside_it(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        const string header = "SUB_ICB_LOCATION_CODE,APPOINTMENT_DATE,ACTUAL_DURATION,COUNT_OF_APPOINTMENTS";
        const string total = "select sum(appointment_count) from fact_subicb_appointments";
        await etl.IngestAsync(etl.Write("both.csv", header, "00L,01OCT2025,6-10 Minutes,10", "01A,01OCT2025,6-10 Minutes,20"));

        var partial = await etl.IngestAsync(etl.Write("partial.csv", header, "00L,02OCT2025,6-10 Minutes,11"));
        (await etl.CountAsync(total)).Should().Be(11 + 20, "00L's October is replaced, 01A's stays");
        partial.RowsSuperseded.Should().Be(1);

        await etl.IngestAsync(etl.Write("region.csv", header, "02B,01OCT2025,6-10 Minutes,5"));
        (await etl.CountAsync(total)).Should().Be(11 + 20 + 5, "another region of the same month sits beside");

        await etl.IngestAsync(etl.Write("november.csv", header, "00L,01NOV2025,6-10 Minutes,7"));
        (await etl.CountAsync(total)).Should().Be(11 + 20 + 5 + 7, "another month of the same sub-ICB adds");
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(4);
    }

    [Theory, EveryEngine]
    public async Task A_wellbeing_score_that_is_not_a_whole_raw_score_is_quarantined(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("map.csv", "GP_CODE,PCN_CODE,SUB_ICB_LOCATION_CODE,ICB_CODE,REGION_CODE", "A81001,U12345,16C,QHM,Y63"));
        var rows = Enumerable.Range(0, 30).Select(i => $"R{i},p-{i},A81001,SWEMWBS,baseline,2025-09-04,{20 + i % 10}").ToList();
        rows.Add("R99,p-99,A81001,SWEMWBS,baseline,2025-09-04,20.9");

        var result = await etl.IngestAsync(etl.Write("scores.csv", ["referral_id,patient_id,practice_code,instrument,timepoint,measured_on,score", .. rows]));

        result.RowsLoaded.Should().Be(30, result.Message);
        result.FirstProblems.Single().Should().Be("scores.csv:32: score '20.9' is not a SWEMWBS score (a whole number from 7 to 35)");
        (await etl.CountAsync("select count(*) from fact_wellbeing")).Should().Be(30);
    }

    // Test numbers in the 999 range, with their check digit computed.
    private static IEnumerable<string> ValidNhsNumbers()
    {
        for (var stem = 999000001; ; stem++)
        {
            var digits = stem.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = digits.Select((d, i) => (d - '0') * (10 - i)).Sum();
            var check = (11 - (sum % 11)) % 11;
            if (check != 10)
                yield return digits + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static string Render(object? value) => value switch
    {
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };
}
