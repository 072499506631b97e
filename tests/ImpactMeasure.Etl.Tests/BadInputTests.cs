using System.Text;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Each bad input gets a clear message naming file, line and column, and nothing is half-loaded.</summary>
public class BadInputTests
{
    [Theory, EveryEngine]
    public async Task A_missing_required_column_rejects_the_file_naming_the_column_and_format(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var file = etl.Write("crosstab.csv", Fixtures.CrosstabHeader.Replace(",COUNT_OF_APPOINTMENTS", "", StringComparison.Ordinal),
            "01OCT2025,A81001,X,EMIS,U1,P,16C,S,GP,Face-to-Face,Planned Clinics,Same Day,Attended");

        var result = await etl.IngestAsync(file);

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().Be("crosstab.csv:1: taken for gpad-practice-crosstab (GPAD practice-level crosstab) but missing required column(s): count_of_appointments");
        await NothingLoaded(etl);
    }

    [Theory, EveryEngine]
    public async Task An_unknown_header_lists_the_known_formats(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var result = await etl.IngestAsync(etl.Write("mystery.csv", "colour,size,weight", "red,1,2"));

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().StartWith("mystery.csv:1: unknown header (colour,size,weight); known formats and their required columns:")
            .And.Contain("gpad-practice-crosstab").And.Contain("signposting").And.Contain("patient_id or nhs_number");
    }

    [Theory, EveryEngine]
    public async Task Empty_files_and_header_only_files_load_nothing_and_say_so(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var empty = Path.Combine(etl.Folder, "empty.csv");
        await File.WriteAllTextAsync(empty, "");

        var emptyResult = await etl.IngestAsync(empty);
        var headerOnly = await etl.IngestAsync(etl.Write("header.csv", Fixtures.CrosstabHeader));

        emptyResult.Status.Should().Be(LoadStatus.Rejected);
        emptyResult.Message.Should().Be("empty.csv:1: the file is empty: expected a header line");
        headerOnly.Status.Should().Be(LoadStatus.NoRows);
        headerOnly.Message.Should().Be("header.csv:2: the file has a header but no data rows: nothing to load");
        await NothingLoaded(etl);
    }

    [Theory, EveryEngine]
    public async Task Header_only_files_of_different_months_are_each_recorded_not_taken_for_one_another(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var september = etl.Write("crosstab-2025-09.csv", Fixtures.CrosstabHeader);
        var october = etl.Write("crosstab-2025-10.csv", Fixtures.CrosstabHeader);

        var first = await etl.IngestAsync(september);
        var second = await etl.IngestAsync(october);
        var again = await etl.IngestAsync(september);

        first.Status.Should().Be(LoadStatus.NoRows);
        second.Status.Should().Be(LoadStatus.NoRows, "the same bytes under another name are another month's empty file: {0}", second.Message);
        second.BatchId.Should().NotBe(first.BatchId);
        again.Status.Should().Be(LoadStatus.AlreadyLoaded, "the same file again is still a no-op");
        again.BatchId.Should().Be(first.BatchId);
    }

    [Theory, EveryEngine]
    public async Task A_truncated_last_line_is_quarantined_and_the_rest_loads(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 30).Select(i => Fixtures.Crosstab(10 + i, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length])).ToList();
        var path = Path.Combine(etl.Folder, "truncated.csv");
        await File.WriteAllTextAsync(path, string.Join("\n", Fixtures.CrosstabFile([.. rows])) + "\n01OCT2025,A81001,\"SMITH");

        var result = await etl.IngestAsync(path);

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsLoaded.Should().Be(30);
        result.RowsQuarantined.Should().Be(1);
        result.FirstProblems.Single().Should().StartWith("truncated.csv:32: ").And.Contain("has 3 columns where the header has 14");
        (await etl.CountAsync("select line_number from etl_quarantine where load_batch_id = $1", result.BatchId)).Should().Be(32);
    }

    [Theory, EveryEngine]
    public async Task An_unterminated_quote_is_named(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 30).Select(i => Fixtures.Crosstab(10 + i, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length])).ToList();
        rows.Insert(29, "01OCT2025,A81001,\"SMITH, JONES,EMIS,U1,P,16C,S,GP,Face-to-Face,Planned Clinics,Same Day,3,Attended");

        var result = await etl.IngestAsync(etl.Write("quote.csv", Fixtures.CrosstabFile([.. rows])));

        result.RowsQuarantined.Should().Be(1);
        result.FirstProblems.Single().Should().Contain("quote.csv:31: a quoted value opened on this line is never closed");
    }

    [Theory, EveryEngine]
    public async Task A_semicolon_separated_file_is_rejected_with_the_reason(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var result = await etl.IngestAsync(etl.Write("semi.csv", Fixtures.CrosstabHeader.Replace(',', ';'), Fixtures.Crosstab(3).Replace(',', ';')));

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().Be("semi.csv:1: the header is one column containing ';': the file looks semicolon-separated, but extracts must be comma-separated CSV");
    }

    [Theory, EveryEngine]
    public async Task A_utf8_bom_is_read_and_windows_1252_names_keep_their_accents(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var bom = Path.Combine(etl.Folder, "bom.csv");
        await File.WriteAllTextAsync(bom, string.Join("\n", Fixtures.CrosstabFile(Fixtures.Crosstab(7))) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var ansi = Path.Combine(etl.Folder, "ansi.csv");
        var text = "GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ICB_CODE,ICB_NAME,REGION_CODE,REGION_NAME\n"
                   + "A81001,CAFÉ ROYAL SURGERY £5 FEE,EMIS,U1,HÔTEL PCN,16C,S,QHM,I,Y63,R\n";
        await File.WriteAllBytesAsync(ansi, Etl.Reading.CsvRowSource.Windows1252.GetBytes(text));

        var bomResult = await etl.IngestAsync(bom);
        var ansiResult = await etl.IngestAsync(ansi);

        bomResult.Status.Should().Be(LoadStatus.Loaded, bomResult.Message);
        bomResult.RowsLoaded.Should().Be(1);
        ansiResult.Status.Should().Be(LoadStatus.Loaded, ansiResult.Message);
        ansiResult.Encoding.Should().Be("windows-1252");
        (await etl.RowsAsync("select practice_name, pcn_name from dim_practice where practice_code = 'A81001' and is_current"))[0]
            .Should().Equal("CAFÉ ROYAL SURGERY £5 FEE", "HÔTEL PCN");
    }

    [Theory, EveryEngine]
    public async Task Us_dates_negative_non_numeric_and_huge_counts_are_quarantined_with_reasons(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var good = Enumerable.Range(0, 76).Select(i => Fixtures.Crosstab(10 + i, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length % Modes.Length], month: $"01/{1 + (i / 20):00}/2025"));
        var bad = new[]
        {
            Fixtures.Crosstab(3, month: "10/31/2025"),
            Fixtures.Crosstab(-3, practice: "A81002"),
            Fixtures.Crosstab(3, practice: "A81003").Replace(",3,Attended", ",three,Attended", StringComparison.Ordinal),
            Fixtures.Crosstab(3, practice: "A81004").Replace(",3,Attended", ",99999999999,Attended", StringComparison.Ordinal),
        };

        var result = await etl.IngestAsync(etl.Write("bad.csv", Fixtures.CrosstabFile([.. good, .. bad])));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsLoaded.Should().Be(76);
        var reasons = (await etl.RowsAsync("select line_number, column_name, reason from etl_quarantine where load_batch_id = $1 order by line_number", result.BatchId))
            .Select(r => $"{r[0]}|{r[1]}|{r[2]}").ToList();
        reasons.Should().Equal(
            "78|appointment_month_start_date|appointment_month_start_date '10/31/2025' is not a date: dates are day/month/year, and this one only makes sense in US month/day order, which is not accepted",
            "79|count_of_appointments|count_of_appointments '-3' is negative: counts cannot be below zero",
            "80|count_of_appointments|count_of_appointments 'three' is not a whole number",
            "81|count_of_appointments|count_of_appointments '99999999999' is larger than 2,147,483,647: not a plausible count");
    }

    [Theory, EveryEngine]
    public async Task A_value_outside_the_vocabulary_names_the_expected_values(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var good = Enumerable.Range(0, 40).Select(i => Fixtures.Crosstab(i + 1, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length % Modes.Length]));

        var result = await etl.IngestAsync(etl.Write("vocab.csv", Fixtures.CrosstabFile([.. good, Fixtures.Crosstab(2, mode: "Carrier Pigeon")])));

        result.FirstProblems.Single().Should().Be(
            "vocab.csv:42: appt_mode 'Carrier Pigeon' is not one of Face-to-Face, Telephone, Home Visit, Video Conference/Online, Unknown");
    }

    [Theory, EveryEngine]
    public async Task Too_many_bad_rows_reject_the_whole_file_but_keep_the_reasons(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 20).Select(i => Fixtures.Crosstab(i % 5 == 0 ? -1 : i, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length]));

        var result = await etl.IngestAsync(etl.Write("mostly-bad.csv", Fixtures.CrosstabFile([.. rows])));

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().Be("mostly-bad.csv: 4 of 20 rows are bad (20.0%), more than the 5% allowed: the whole file is rejected");
        await NothingLoaded(etl);
        (await etl.CountAsync("select count(*) from etl_quarantine where load_batch_id = $1", result.BatchId)).Should().Be(4);
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'rejected'")).Should().Be(1);
    }

    [Theory, EveryEngine]
    public async Task Duplicate_rows_are_quarantined_naming_the_first_and_the_first_is_kept(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("map.csv", "GP_CODE,PCN_CODE,SUB_ICB_LOCATION_CODE,ICB_CODE,REGION_CODE", "A81001,U12345,16C,QHM,Y63"));
        var rows = Enumerable.Range(0, 30).Select(i => Fixtures.Crosstab(100 + i, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length])).ToList();
        rows.Add(Fixtures.Crosstab(999, lead: Leads[0], mode: Modes[0]));

        var result = await etl.IngestAsync(etl.Write("dups.csv", Fixtures.CrosstabFile([.. rows])));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsLoaded.Should().Be(30);
        result.FirstProblems.Single().Should().Be("dups.csv:32: repeats line 2 (same code, date and appointment attributes): the first is kept");
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(Enumerable.Range(100, 30).Sum());
    }

    [Theory, EveryEngine]
    public async Task A_repeat_in_another_block_of_an_ungrouped_file_is_quarantined_as_it_streams(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        // A81001, then 30 rows of A81002, then A81001 again: not grouped by practice; the last row repeats the first.
        var other = Enumerable.Range(0, 30).Select(i => Fixtures.Crosstab(1, practice: "A81002", lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length]));
        string[] rows = [Fixtures.Crosstab(10, lead: Leads[0]), Fixtures.Crosstab(11, lead: Leads[1]), .. other,
            Fixtures.Crosstab(12, lead: Leads[2]), Fixtures.Crosstab(99, lead: Leads[0])];

        var result = await etl.IngestAsync(etl.Write("ungrouped.csv", Fixtures.CrosstabFile(rows)));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsLoaded.Should().Be(33);
        result.FirstProblems.Single().Should().Be(
            "ungrouped.csv:35: repeats an earlier line of another block of this code (same code, date and appointment attributes): the first is kept");
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments")).Should().Be(10 + 11 + 30 + 12);
    }

    [Theory, EveryEngine]
    public async Task A_file_that_turns_to_windows_1252_after_64_kb_of_ascii_is_read_in_one_pass(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var header = "GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ICB_CODE,ICB_NAME,REGION_CODE,REGION_NAME";
        var plain = Enumerable.Range(0, 2_000).Select(i => $"B{i:D5},PLAIN SURGERY NUMBER {i},EMIS,U1,P,16C,S,QHM,I,Y63,R");
        var text = string.Join("\n", [header, .. plain, "A81001,CAFÉ ROYAL SURGERY £5 FEE,EMIS,U1,P,16C,S,QHM,I,Y63,R"]) + "\n";
        var path = Path.Combine(etl.Folder, "late-ansi.csv");
        await File.WriteAllBytesAsync(path, Etl.Reading.CsvRowSource.Windows1252.GetBytes(text));
        new FileInfo(path).Length.Should().BeGreaterThan(65_536, "the first non-ASCII byte must come after the first read");

        var result = await etl.IngestAsync(path);

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.Encoding.Should().Be("windows-1252");
        (await etl.RowsAsync("select practice_name from dim_practice where practice_code = 'A81001' and is_current"))[0][0].Should().Be("CAFÉ ROYAL SURGERY £5 FEE");
        (await etl.RowsAsync("select text_encoding from etl_load_batch where load_batch_id = $1", result.BatchId))[0][0].Should().Be("windows-1252");
    }

    [Theory, EveryEngine]
    public async Task A_file_mixing_utf8_and_windows_1252_is_rejected_naming_the_line(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var header = "GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ICB_CODE,ICB_NAME,REGION_CODE,REGION_NAME\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(header + "A81001,CAFÉ,EMIS,U1,P,16C,S,QHM,I,Y63,R\n")
            .Concat(Etl.Reading.CsvRowSource.Windows1252.GetBytes("A81002,HÔTEL,EMIS,U1,P,16C,S,QHM,I,Y63,R\n")).ToArray();
        var path = Path.Combine(etl.Folder, "mixed.csv");
        await File.WriteAllBytesAsync(path, bytes);

        var result = await etl.IngestAsync(path);

        result.Status.Should().Be(LoadStatus.Rejected);
        result.Message.Should().Be("mixed.csv:3: has bytes that are not UTF-8 after UTF-8 text earlier in the file: the file mixes encodings; save it as UTF-8 and load it again");
        await NothingLoaded(etl);
    }

    [Theory, EveryEngine]
    public async Task A_file_changed_while_being_read_loads_nothing(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 40).Select(i => Fixtures.Crosstab(i + 1, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length % Modes.Length]));
        var path = etl.Write("growing.csv", Fixtures.CrosstabFile([.. rows]));
        etl.Options = etl.Options with { ProgressEveryRows = 10 };

        var result = await etl.IngestAsync(path, new Action(() => File.AppendAllText(path, Fixtures.Crosstab(1, practice: "A81009") + "\n")).AsProgress());

        result.Status.Should().Be(LoadStatus.Failed);
        result.Message.Should().Be("growing.csv changed while it was being read: nothing was loaded; load it again once it is complete");
        await NothingLoaded(etl);
    }

    [Theory, EveryEngine]
    public async Task A_file_deleted_while_being_read_loads_nothing(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 40).Select(i => Fixtures.Crosstab(i + 1, lead: Leads[i % Leads.Length], mode: Modes[i / Leads.Length % Modes.Length]));
        var path = etl.Write("vanishing.csv", Fixtures.CrosstabFile([.. rows]));
        etl.Options = etl.Options with { ProgressEveryRows = 10 };

        var result = await etl.IngestAsync(path, new Action(() => File.Delete(path)).AsProgress());

        result.Status.Should().Be(LoadStatus.Failed);
        result.Message.Should().Contain("vanishing.csv");
        await NothingLoaded(etl);
    }

    internal static readonly string[] Leads = ["Same Day", "1 Day", "2 to 7 Days", "8  to 14 Days", "15  to 21 Days", "22  to 28 Days", "More than 28 Days", "Unknown / Data Issue"];
    internal static readonly string[] Modes = ["Face-to-Face", "Telephone", "Home Visit", "Video Conference/Online", "Unknown"];

    private static async Task NothingLoaded(EtlHarness etl)
    {
        (await etl.CountAsync("select count(*) from fact_appointments")).Should().Be(0);
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'loaded' and rows_loaded > 0")).Should().Be(0);
    }
}
