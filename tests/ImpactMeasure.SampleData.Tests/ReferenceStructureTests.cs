using System.Text.RegularExpressions;
using ImpactMeasure.Testing;

namespace ImpactMeasure.SampleData.Tests;

/// <summary>The generated files look like the real ones: the same headers (upper case as the NHS publishes
/// them; the reference rows came through a tool that lower-cased them) and the same vocabularies.</summary>
public partial class ReferenceStructureTests
{
    private static readonly string Sample = CommittedSample.Folder;

    [Theory]
    [InlineData("gpad/practice-level-crosstab-2024-10.csv", "gpad_practice_level_crosstab_oct2025_two_pcns.csv")]
    [InlineData("reference/gpad-mapping-2023-10.csv", "gpad_mapping_oct2025_midlands_east.csv")]
    [InlineData("reference/gp-reg-pat-prac-map-2024-10.csv", "gp_reg_pat_prac_map_mar2025_ne_yorks.csv")]
    [InlineData("gpad/subicb-actual-duration-2024-10.csv", "gpad_subicb_daily_actual_duration_oct2024_4subicbs.csv")]
    public void Headers_match_the_published_files(string generated, string reference)
    {
        var ours = CsvTable.Read(Path.Combine(Sample, generated)).Header;
        var real = CsvTable.Read(ReferenceData.Extract(reference)).Header;

        ours.Select(h => h.ToLowerInvariant()).Should().Equal(real);
        ours.Where(h => h != "Appointment_Date").Should().OnlyContain(h => !h.Any(char.IsLower), "the NHS files use upper-case headers");
    }

    [Theory]
    [InlineData("HCP_TYPE")]
    [InlineData("APPT_MODE")]
    [InlineData("NATIONAL_CATEGORY")]
    [InlineData("TIME_BETWEEN_BOOK_AND_APPT")]
    [InlineData("APPT_STATUS")]
    public void Crosstab_values_are_the_published_vocabulary(string column)
    {
        var real = Published("gpad_practice_level_crosstab_oct2025_two_pcns.csv", column)
            .Concat(Published("gpad_subicb_daily_national_category_06H_oct2024.csv", column, optional: true)).ToHashSet();
        var ours = CsvTable.ReadAll(Path.Combine(Sample, "gpad"), "practice-level-crosstab-*.csv").SelectMany(t => t.Column(column)).ToHashSet();

        ours.Should().BeSubsetOf(real);
        ours.Count.Should().BeGreaterThan(column == "NATIONAL_CATEGORY" ? 12 : 2);
    }

    [Fact]
    public void The_published_quirks_are_kept()
    {
        var leadTimes = CsvTable.ReadAll(Path.Combine(Sample, "gpad"), "practice-level-crosstab-*.csv")
            .SelectMany(t => t.Column("TIME_BETWEEN_BOOK_AND_APPT")).ToHashSet();
        var daily = CsvTable.ReadAll(Path.Combine(Sample, "gpad"), "subicb-daily-*.csv").ToList();
        var mapping = CsvTable.Read(Path.Combine(Sample, "reference", "gpad-mapping-2023-10.csv"));

        leadTimes.Should().Contain(["8  to 14 Days", "15  to 21 Days", "22  to 28 Days"]);
        daily.SelectMany(t => t.Column("APPT_MODE")).Should().Contain("Video/Online");
        daily.SelectMany(t => t.Column("APPT_MODE")).ToHashSet()
            .Should().BeSubsetOf(Published("gpad_regional_monthly_lincolnshire_71E_apr_dec2024.csv", "appt_mode"));
        mapping.Column("PCN_CODE").Should().Contain("U");
        mapping.Column("PCN_NAME").Should().Contain("UNALLOCATED");
        File.ReadAllText(Path.Combine(Sample, "reference", "gpad-mapping-2023-10.csv")).Should().Contain("\"DRS ", "names with commas are quoted");
    }

    [Fact]
    public void Dates_are_written_as_the_publications_write_them()
    {
        var crosstab = CsvTable.Read(Path.Combine(Sample, "gpad", "practice-level-crosstab-2024-10.csv"));
        var map = CsvTable.Read(Path.Combine(Sample, "reference", "gp-reg-pat-prac-map-2024-10.csv"));

        crosstab.Column("APPOINTMENT_MONTH_START_DATE").Should().AllBe("01OCT2024");
        map.Column("EXTRACT_DATE").Should().AllBe("01Oct2024");
        CsvTable.Read(ReferenceData.Extract("gpad_practice_level_crosstab_oct2025_two_pcns.csv"))
            .Column("appointment_month_start_date").Should().OnlyContain(d => GpadDate().IsMatch(d));
    }

    [Fact]
    public void Practice_codes_are_valid_ods_codes()
    {
        var mapping = CsvTable.Read(Path.Combine(Sample, "reference", "gpad-mapping-2023-10.csv"));

        mapping.Column("GP_CODE").Should().OnlyContain(c => OdsPractice().IsMatch(c)).And.OnlyHaveUniqueItems();
        mapping.Column("PCN_CODE").Should().OnlyContain(c => c == "U" || PcnCode().IsMatch(c));
    }

    // The reference rows show Unknown as blank (an artefact of the tool they came through): read blank as Unknown.
    private static IEnumerable<string> Published(string file, string column, bool optional = false)
    {
        var table = CsvTable.Read(ReferenceData.Extract(file));
        if (optional && !table.Header.Contains(column.ToLowerInvariant()))
            return [];
        return table.Column(column).Select(v => v.Length == 0 ? "Unknown" : v);
    }

    [GeneratedRegex(@"^\d{2}[A-Z]{3}\d{4}$")]
    private static partial Regex GpadDate();

    [GeneratedRegex(@"^[A-Z]\d{5}$")]
    private static partial Regex OdsPractice();

    [GeneratedRegex(@"^U\d{5}$")]
    private static partial Regex PcnCode();
}
