using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The pack checked as rendered: LibreOffice prints it to PDF and nothing on the pages overlaps, is cut off
/// or is too small to read (PACK.md "Checked as rendered").</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PackRenderTests(SampleWarehouses sample)
{
    [Fact]
    public async Task The_printed_pack_has_nothing_overlapping_cut_off_or_too_small()
    {
        var path = await MonthlyPackTests.WritePackAsync(sample[EngineNames.DuckDb], "2025-09");

        var problems = PackLayout.Problems(path);

        problems.Should().BeEmpty("the pack prints cleanly; found:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task A_pcn_pack_prints_cleanly_too()
    {
        var path = await MonthlyPackTests.WritePackAsync(sample[EngineNames.DuckDb], "2025-09", "U10004");

        var problems = PackLayout.Problems(path);

        problems.Should().BeEmpty("the PCN pack prints cleanly; found:\n" + string.Join("\n", problems));
    }
}
