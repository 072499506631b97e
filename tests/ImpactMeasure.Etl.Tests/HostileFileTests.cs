using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Issue 11, item 1: damaged and hostile files are rejected with a clear reason, one file's failure never
/// stops the others of the run, and both engines keep the same record.</summary>
public sealed class HostileFileTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var engine in new[] { EngineNames.DuckDb, EngineNames.Postgres })
        {
            foreach (var kind in new[] { "truncated-xml", "plain-zip", "dtd", "formula-without-value", "zip-bomb", "xlsx-as-csv", "utf16-no-bom", "empty-workbook-sheet" })
                data.Add(engine, kind);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_hostile_file_is_rejected_with_its_reason_and_the_good_file_beside_it_loads(string engine, string kind)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var (path, expected) = Make(etl.Folder, kind);
        var good = etl.Write("good.csv", Fixtures.SignpostingHeader, Fixtures.Signpost("G1"));

        var results = await etl.IngestAllAsync(path, good);

        var bad = results.Single(r => r.File == Path.GetFileName(path));
        bad.Status.Should().Be(LoadStatus.Rejected, bad.Message);
        bad.Message.Should().StartWith(Path.GetFileName(path) + ":").And.Contain(expected);
        results.Single(r => r.File == "good.csv").Status.Should().Be(LoadStatus.Loaded);
        (await etl.CountAsync("select count(*) from fact_signpost")).Should().Be(1);
        (await etl.CountAsync("select count(*) from etl_load_batch where status = 'rejected' and file_name = $1", Path.GetFileName(path))).Should().Be(1);
    }

    [Theory, EveryEngine]
    public async Task A_nul_or_an_overlong_name_is_quarantined_alike_on_both_engines(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 40).Select(i => Fixtures.Signpost($"E{i}")).ToList();
        rows.Add(Fixtures.Signpost("NUL").Replace("MSK First Contact", "MSK\0First", StringComparison.Ordinal));
        rows.Add(Fixtures.Signpost("LONG").Replace("MSK First Contact Physiotherapy", new string('x', 40_000), StringComparison.Ordinal));

        var result = await etl.IngestAsync(etl.Write("names.csv", [Fixtures.SignpostingHeader, .. rows]));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsLoaded.Should().Be(40);
        result.FirstProblems.Should().HaveCount(2);
        result.FirstProblems[0].Should().Contain("names.csv:42: destination_service_name").And.Contain("control character").And.Contain("\uFFFD");
        result.FirstProblems[1].Should().Contain("names.csv:43: destination_service_name").And.Contain("40,000 characters long");
        (await etl.CountAsync("select count(*) from etl_quarantine where reason like '%control character%'")).Should().Be(1);
        (await etl.CountAsync("select max(length(service_name)) from dim_service")).Should().BeLessThan(100);
    }

    private static (string Path, string Expected) Make(string folder, string kind) => kind switch
    {
        "truncated-xml" => (HostileFiles.WorkbookWithSheet(folder, "truncated.xlsx", xml => xml[..(xml.Length / 2)]), "not a readable XLSX workbook"),
        "plain-zip" => (HostileFiles.PlainZip(folder, "plain.xlsx"), "a zip archive but not an XLSX workbook"),
        "dtd" => (HostileFiles.WorkbookWithSheet(folder, "dtd.xlsx",
            xml => xml.Replace("?><", "?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">]><", StringComparison.Ordinal)), "declares a DTD"),
        "formula-without-value" => (HostileFiles.WorkbookWithSheet(folder, "formula.xlsx",
            xml => ReplaceFirstCell(xml, "<x:c r=\"A2\"><x:f>1+1</x:f></x:c>")), "a formula saved without its value"),
        "zip-bomb" => (HostileFiles.ZipBomb(folder, "bomb.xlsx", 200), "expands to more than"),
        "xlsx-as-csv" => (Renamed(HostileFiles.Workbook(folder, "book.xlsx"), "book.csv"), "book.csv:1"),
        "utf16-no-bom" => (Utf16(folder), "utf16.csv:1"),
        "empty-workbook-sheet" => (HostileFiles.WorkbookWithSheet(folder, "nosheet.xlsx", _ => "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"), "nosheet.xlsx:1"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string ReplaceFirstCell(string xml, string cell)
    {
        var start = xml.IndexOf("<x:c r=\"A2\"", StringComparison.Ordinal);
        var end = xml.IndexOf("</x:c>", start, StringComparison.Ordinal) + 6;
        return xml[..start] + cell + xml[end..];
    }

    private static string Renamed(string path, string name)
    {
        var target = Path.Combine(Path.GetDirectoryName(path)!, name);
        File.Move(path, target);
        return target;
    }

    private static string Utf16(string folder)
    {
        var path = Path.Combine(folder, "utf16.csv");
        File.WriteAllText(path, Fixtures.SignpostingHeader + "\n" + Fixtures.Signpost("U1") + "\n", new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: false));
        return path;
    }
}
