using System.Globalization;
using ClosedXML.Excel;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The Cover an analyst sends: key messages written from the published figures and pointing at real tables,
/// the area by name, the configured organisation and contact, and the next publication day from dim_date.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class PackCoverTests(SampleWarehouses sample)
{
    [Theory, EveryEngine]
    public async Task The_cover_states_key_messages_from_the_published_figures(string engine)
    {
        var (path, _) = await WriteAsync(sample[engine], new PackSettings { Organisation = "NHS Ashby ICB analytics", Contact = "analytics@ashby.example" });
        using var workbook = new XLWorkbook(path);
        var cover = workbook.Worksheet("Cover").Column(1).CellsUsed().Select(c => c.GetString()).ToList();

        cover[0].Should().Contain("NHS Ashby and District Integrated Care Board (QXA)").And.Contain("Sep 2025");
        cover[1].Should().Be("Key messages");
        var messages = cover.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        messages.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(6);
        foreach (var message in messages)
        {
            var table = System.Text.RegularExpressions.Regex.Match(message, @"\((Table \d+)\)\.$");
            table.Success.Should().BeTrue($"'{message}' points to its table");
            workbook.Worksheets.Select(s => s.Name).Should().Contain(table.Groups[1].Value.Replace(' ', '_'));
        }
        // The freed figure quoted is the one Table_2 publishes for the area.
        var area = workbook.Worksheet("Table_2").Row(7);
        area.Cell(1).GetString().Should().Be("Area");
        var central = area.Cells().First(c => c.WorksheetColumn().Cell(6).GetString() == "Freed GP appointments").GetDouble();
        messages[0].Should().Contain($"freed an estimated {central.ToString("N0", CultureInfo.InvariantCulture)} GP appointments in Sep 2025");
        messages.Should().Contain(m => m.Contains("MSK First Contact Physiotherapy", StringComparison.Ordinal), "the planted overloaded service");
        cover.Should().Contain("Published by: NHS Ashby ICB analytics.").And.Contain("Contact: analytics@ashby.example.");
        // Sep 2025's pack comes out in Oct; the next on the 5th working day of Nov 2025: Mon 3 to Fri 7.
        cover.Should().Contain(l => l.StartsWith("Next update: 7 November 2025", StringComparison.Ordinal));
        workbook.Properties.Author.Should().Be("NHS Ashby ICB analytics");
    }

    [Fact]
    public async Task Without_a_contact_the_cover_says_so_rather_than_inventing_one()
    {
        var (path, _) = await WriteAsync(sample[EngineNames.DuckDb], new PackSettings());
        using var workbook = new XLWorkbook(path);

        workbook.Worksheet("Cover").Column(1).CellsUsed().Select(c => c.GetString())
            .Should().Contain("Contact: [x] not configured (set pack.contact in impact.json before sending this pack).");
    }

    [Fact]
    public void A_publication_day_outside_a_month_is_refused_naming_the_key()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{ "pack": { "publication_working_day": 40 } }""");
        try
        {
            var act = () => PackSettings.Load(file);
            act.Should().Throw<InvalidDataException>().WithMessage("*pack.publication_working_day is 40*");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(string Path, MonthlyPackData Data)> WriteAsync(TestWarehouse test, PackSettings settings)
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-cover-{Guid.NewGuid():N}.xlsx");
        await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters(), pack: settings).BuildAsync(new DateOnly(2025, 9, 1), null);
        MonthlyPack.Write(path, data);
        return (path, data);
    }
}
