using ImpactMeasure.Testing;

namespace ImpactMeasure.Cli.Tests;

/// <summary>Issue 11, item 2: NHS numbers written into every kind of column of a local extract, in every layout found
/// leaking, never reach any table of the warehouse, the metric files, the pack or what the commands print.</summary>
public class NhsNumberScanTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "sample-data", "sample");

    [Theory, EveryEngine]
    public async Task No_nhs_number_reaches_the_warehouse_the_outputs_or_the_logs(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Directory.CreateTempSubdirectory("impact-scan-").FullName;
        try
        {
            var leaks = Path.Combine(folder, "leaks.csv");
            await File.WriteAllLinesAsync(leaks, LeakyExtract(File.ReadLines(Path.Combine(Sample, "local", "signposting-2025-09.csv")).ToList()));
            var printed = new List<string>();
            async Task RunAsync(params string[] args)
            {
                var run = await CliRun.RunAsync(args);
                printed.Add(run.Out + run.Error);
                run.ExitCode.Should().BeOneOf([ExitCodes.Ok, ExitCodes.InputRejected], run.Out + run.Error);
            }

            await RunAsync("ingest", "--warehouse", test.Uri, Path.Combine(Sample, "reference"), Path.Combine(Sample, "gpad"), Path.Combine(Sample, "local"));
            await RunAsync("ingest", "--warehouse", test.Uri, leaks);
            await RunAsync("report", "metrics", "--warehouse", test.Uri, "--period", "2025-09", "--months", "12", "--out", Path.Combine(folder, "metrics"));
            await RunAsync("report", "monthly", "--warehouse", test.Uri, "--period", "2025-09", "--out", Path.Combine(folder, "pack.xlsx"));

            printed[1].Should().Contain("leaks.csv").And.Contain("quarantined");
            await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            (await NhsNumberScan.WarehouseAsync(warehouse)).Should().BeEmpty();
            NhsNumberScan.Folder(folder).Where(f => !f.StartsWith(leaks, StringComparison.Ordinal)).Should().BeEmpty();
            printed.SelectMany(NhsNumberScan.In).Should().BeEmpty();
            NhsNumberScan.In(string.Join("\n", File.ReadLines(leaks))).Should().HaveCount(Layouts.Length, "the scan itself finds every planted number");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly (string Column, string Value)[] Layouts =
    [
        ("destination_service_name", "Pharmacy 9434765919"),
        ("event_id", "400  031  6761"),
        ("patient_id", "400.039.5955"),
        ("destination_service_name", "400/047/5142"),
        ("reason_code", "NHS 4000554336"),
        ("patient_id", "4000712713.0"),
        ("destination_service_code", "400 - 079 - 1907"),
        ("role", "x 4002613275"),
    ];

    // The sample's September events, with one more copy of eight of them, each carrying one planted number.
    private static IEnumerable<string> LeakyExtract(List<string> lines)
    {
        var header = lines[0].Split(',');
        yield return lines[0];
        for (var i = 0; i < Layouts.Length; i++)
        {
            var values = lines[i + 1].Split(',');
            values[0] = $"LEAK-{i}";
            values[Array.IndexOf(header, Layouts[i].Column)] = Layouts[i].Value;
            yield return string.Join(",", values);
        }
        foreach (var line in lines.Skip(1).Take(300))
            yield return line.Replace(line.Split(',')[0], "COPY-" + line.Split(',')[0], StringComparison.Ordinal);
    }
}
