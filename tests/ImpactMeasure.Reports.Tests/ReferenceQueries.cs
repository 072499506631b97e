using System.Globalization;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>What the tests that check a report query against a reference query read one row each share: the
/// reference SQL (embedded beside the test) and the sample windows they run on.</summary>
public static class ReferenceQueries
{
    /// <summary>An embedded reference query by file name.</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(ReferenceQueries).Assembly.GetManifestResourceStream(fileName)
            ?? throw new InvalidOperationException($"no embedded reference query {fileName}");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>On every engine: the sample's whole 24 months, and three months of the PCN with the planted
    /// inappropriate-referral rate.</summary>
    public static TheoryData<string, string, int, string?> SampleWindows()
    {
        var data = new TheoryData<string, string, int, string?>();
        foreach (var engine in EngineNames.All)
        {
            data.Add(engine, "2025-09", 24, null);
            data.Add(engine, "2025-03", 3, SampleWarehouses.Truth.GetProperty("high_inappropriate_referral_pcn").GetProperty("pcn_code").GetString());
        }
        return data;
    }

    /// <summary>The window of <paramref name="months"/> months ending in <paramref name="period"/> (YYYY-MM).</summary>
    public static ReportWindow Window(string period, int months, string? area) =>
        ReportWindow.Ending(DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), months, area);
}
