using System.Globalization;
using ImpactMeasure.Etl.Formats;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>The real NHS rows load with no quarantined row, and the warehouse totals equal the files' sums.</summary>
public class ReferenceExtractTests
{
    [Theory, EveryEngine]
    public async Task The_practice_level_crosstab_loads_whole(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var file = ReferenceData.Extract("gpad_practice_level_crosstab_oct2025_two_pcns.csv");

        var result = await etl.IngestAsync(file);

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.Format.Should().Be(FormatCatalog.PracticeCrosstab);
        result.RowsQuarantined.Should().Be(0, string.Join("; ", result.FirstProblems));
        result.RowsLoaded.Should().Be(3034);
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments where load_batch_id = $1", result.BatchId))
            .Should().Be(SumOf(file, "count_of_appointments"));
        result.RowsUnknown.Should().Be(0, "every row names its practice, PCN and sub-ICB, so no row waits for a practice map");
        (await etl.CountAsync(
            """
            select count(*) from fact_appointments f join dim_practice p on p.practice_key = f.practice_key
            where f.load_batch_id = $1 and p.is_inferred and p.pcn_code is not null and p.pcn_name is not null and p.practice_name is not null and p.sub_icb_code is not null
            """, result.BatchId)).Should().Be(3034, "every row is attributed to its practice and PCN as the file names them");
        (await etl.CountAsync("select count(*) from dim_practice where is_inferred and load_batch_id = $1", result.BatchId))
            .Should().Be(DistinctOf(file, "gp_code"), "one inferred practice per code in the file");
        (await etl.CountAsync("select count(distinct pcn_code) from dim_practice where is_inferred")).Should().Be(DistinctOf(file, "pcn_code"));
        result.Message.Should().Contain("practices in no practice map were inferred from the file (name, PCN and sub-ICB as the file gives them)");
    }

    [Theory, EveryEngine]
    public async Task The_crosstab_finds_its_practices_once_the_mapping_is_loaded(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var mapping = etl.Write("mapping.csv",
            "GP_CODE,PCN_CODE,SUB_ICB_LOCATION_CODE,ICB_CODE,REGION_CODE",
            "J81027,U25251,11J,QVV,Y58", "J81009,U25251,11J,QVV,Y58");

        await etl.IngestAsync(mapping);
        var result = await etl.IngestAsync(ReferenceData.Extract("gpad_practice_level_crosstab_oct2025_two_pcns.csv"));

        var known = await etl.CountAsync(
            "select count(*) from fact_appointments f join dim_practice p on p.practice_key = f.practice_key where p.practice_code in ('J81027', 'J81009')");
        known.Should().BeGreaterThan(400);
        (await etl.CountAsync("select count(*) from dim_practice where practice_code in ('J81027', 'J81009') and not is_inferred")).Should().Be(2, "mapped practices are not inferred again");
        result.RowsUnknown.Should().Be(0, "the practices the map lacks are inferred from the file");
    }

    [Theory, EveryEngine]
    public async Task The_sub_icb_files_load_whole_at_their_own_grain(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        string[] files =
        [
            "gpad_regional_monthly_lincolnshire_71E_apr_dec2024.csv",
            "gpad_subicb_daily_national_category_06H_oct2024.csv",
            "gpad_subicb_daily_actual_duration_oct2024_4subicbs.csv",
        ];
        string[] formats = [FormatCatalog.SubIcbMonthly, FormatCatalog.SubIcbCategory, FormatCatalog.SubIcbDuration];

        for (var i = 0; i < files.Length; i++)
        {
            var path = ReferenceData.Extract(files[i]);
            var result = await etl.IngestAsync(path);

            result.Status.Should().Be(LoadStatus.Loaded, result.Message);
            result.Format.Should().Be(formats[i]);
            result.RowsQuarantined.Should().Be(0, string.Join("; ", result.FirstProblems));
            (await etl.CountAsync("select sum(appointment_count) from fact_subicb_appointments where load_batch_id = $1", result.BatchId))
                .Should().Be(SumOf(path, "count_of_appointments"), files[i]);
        }
        (await etl.CountAsync("select count(distinct period_grain) from fact_subicb_appointments")).Should().Be(2);
    }

    [Theory, EveryEngine]
    public async Task The_coverage_files_load_whole(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        foreach (var name in new[] { "gpad_coverage_aug2021_jan2023_verbatim.csv", "gpad_coverage_feb2023_jul2025_verbatim.csv" })
        {
            var path = ReferenceData.Extract(name);
            var result = await etl.IngestAsync(path);

            result.Status.Should().Be(LoadStatus.Loaded, result.Message);
            result.RowsQuarantined.Should().Be(0, string.Join("; ", result.FirstProblems));
            result.RowsLoaded.Should().Be(3180);
            (await etl.CountAsync("select sum(patients_included) from fact_gpad_coverage where load_batch_id = $1", result.BatchId))
                .Should().Be(SumOf(path, "Patients registered at included practices"));
        }
    }

    [Theory, EveryEngine]
    public async Task Both_practice_maps_load_into_dim_practice(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var gpad = await etl.IngestAsync(ReferenceData.Extract("gpad_mapping_oct2025_midlands_east.csv"));
        var registration = await etl.IngestAsync(ReferenceData.Extract("gp_reg_pat_prac_map_mar2025_ne_yorks.csv"));

        gpad.Status.Should().Be(LoadStatus.Loaded, gpad.Message);
        gpad.RowsQuarantined.Should().Be(0, string.Join("; ", gpad.FirstProblems));
        registration.RowsQuarantined.Should().Be(0, string.Join("; ", registration.FirstProblems));
        var codes = File.ReadLines(ReferenceData.Extract("gpad_mapping_oct2025_midlands_east.csv")).Skip(1).Select(l => l.Split(',')[0])
            .Concat(File.ReadLines(ReferenceData.Extract("gp_reg_pat_prac_map_mar2025_ne_yorks.csv")).Skip(1).Select(l => l.Split(',')[2]))
            .Distinct().Count();
        (await etl.CountAsync("select count(distinct practice_code) from dim_practice where practice_key <> 0")).Should().Be(codes);
        (await etl.CountAsync("select count(*) from dim_practice where practice_key <> 0")).Should().Be(codes, "one version each: nothing changed");
        (await etl.CountAsync("select count(*) from dim_practice where pcn_code = 'U'")).Should().BeGreaterThan(0);
        (await etl.RowsAsync("select icb_name from dim_practice where sub_icb_code = '04V' limit 1"))[0][0]
            .Should().Be("NHS Leicester, Leicestershire and Rutland Integrated Care Board");
    }

    // Read with a real CSV parser: names before the code columns may hold quoted commas.
    private static long DistinctOf(string path, string column)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(path) { TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited, Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var index = Array.FindIndex(parser.ReadFields()!, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        index.Should().BeGreaterThanOrEqualTo(0, $"{column} in {path}");
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (parser.ReadFields() is { } fields)
            values.Add(fields[index].Trim());
        return values.Count;
    }

    private static long SumOf(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').ToList();
        var index = header.FindIndex(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
        index.Should().BeGreaterThanOrEqualTo(0, $"{column} in {path}");
        // Count columns come after any quoted names, so count from the end of the line.
        var fromEnd = header.Count - index;
        return lines.Skip(1).Sum(l => long.Parse(l.Split(',')[^fromEnd], CultureInfo.InvariantCulture));
    }
}
