using ImpactMeasure.SampleData.Gpad;
using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData;

/// <summary>A GPAD practice-level crosstab of any number of rows for benchmarks: practices of 250 cells each
/// over 12 months, realistic values, streamed to disk; and the practice map that goes with it.</summary>
public static class BenchmarkExtract
{
    public const int CellsPerPracticeMonth = 250;
    private const int Months = 12;

    /// <summary>Writes the crosstab and returns the practice codes it uses.</summary>
    public static IReadOnlyList<string> WriteCrosstab(string path, long rows, int seed)
    {
        var random = new SeededRandom(seed, "bench");
        var all = AppointmentCell.All;
        var cells = random.PickDistinct(all.Select(c => c.Share).ToList(), CellsPerPracticeMonth).Select(i => all[i]).ToArray();
        var practiceMonths = (rows + CellsPerPracticeMonth - 1) / CellsPerPracticeMonth;
        var practices = (int)((practiceMonths + Months - 1) / Months);
        var codes = Enumerable.Range(0, practices).Select(CodeOf).ToList();
        using var file = new CsvOut(path, CrosstabWriter.Header);
        long written = 0;
        for (var month = 0; month < Months && written < rows; month++)
        {
            var date = NhsDates.Gpad(new DateOnly(2024, 4, 1).AddMonths(month));
            foreach (var code in codes)
            {
                foreach (var cell in cells)
                {
                    if (written++ == rows)
                        return codes;
                    file.Write(date, code, "BENCH MEDICAL CENTRE", "EMIS", PcnOf(code), "BENCH PCN", "99X", "NHS Bench ICB - 99X",
                        cell.HcpType, cell.Mode, cell.Category, cell.LeadTime, NhsDates.Number(1 + random.Poisson(cell.Share * 4e5)), cell.Status);
                }
            }
        }
        return codes;
    }

    /// <summary>The GPAD Mapping.csv for the benchmark's practices.</summary>
    public static void WriteMapping(string path, IEnumerable<string> codes)
    {
        using var file = new CsvOut(path, Geography.ReferenceWriter.GpadMappingHeader);
        foreach (var code in codes)
            file.Write(code, "BENCH MEDICAL CENTRE", "EMIS", PcnOf(code), "BENCH PCN", "99X", "NHS Bench ICB - 99X", "QZZ", "NHS Bench ICB", "Y63", "North East and Yorkshire");
    }

    // Letter + five digits: 26 × 100,000 codes.
    private static string CodeOf(int n) => $"{(char)('A' + (n / 100000 % 26))}{n % 100000:00000}";

    private static string PcnOf(string code) => $"U{int.Parse(code.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 500:00000}";
}
