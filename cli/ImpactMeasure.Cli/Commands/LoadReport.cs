using System.Globalization;
using ImpactMeasure.Etl;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary>Prints the load report: a row per file (or, compact, per format), then the files' problems.</summary>
public static class LoadReport
{
    public static void Print(CliOutput output, IReadOnlyList<FileLoadResult> results, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        if (compact)
        {
            PrintByFormat(output, results);
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("file", "format", "status", "batch", "read", "loaded", "quarantined", "to Unknown", "superseded", "updated", "seconds");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.File), r.Format ?? "", Status(r.Status), r.BatchId?.ToString(CultureInfo.InvariantCulture) ?? "",
                N(r.RowsRead), N(r.RowsLoaded), N(r.RowsQuarantined), N(r.RowsUnknown), N(r.RowsSuperseded), N(r.RowsUpdated),
                r.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }
        output.Console.Write(table);
        foreach (var r in results)
        {
            if (r.Message is not null)
                output.Out.WriteLine(r.Message.StartsWith(r.File, StringComparison.Ordinal) ? r.Message : $"{r.File}: {r.Message}");
            foreach (var problem in r.FirstProblems)
                output.Out.WriteLine($"  quarantined {problem}");
            if (r.RowsQuarantined > r.FirstProblems.Count)
                output.Out.WriteLine($"  … {N(r.RowsQuarantined - r.FirstProblems.Count)} more in etl_quarantine (load_batch_id = {r.BatchId})");
            if (r.UnknownCodes.Count > 0)
                output.Out.WriteLine($"  {r.File}: {N(r.RowsUnknown)} rows for codes the warehouse cannot place yet (not practice codes, or practices no map names) count as Unknown: {string.Join(", ", r.UnknownCodes)}");
        }
        foreach (var ignored in results.Where(r => r.ExtraColumns.Count > 0).GroupBy(r => $"{r.Format}: {string.Join(", ", r.ExtraColumns)}"))
            output.Out.WriteLine($"columns ignored in {ignored.Count()} {ignored.Key}");
        var loaded = results.Count(r => r.Status == LoadStatus.Loaded);
        output.Out.WriteLine($"{loaded} loaded, {results.Count(r => r.Status == LoadStatus.NoRows)} with no rows, {results.Count(r => r.Status == LoadStatus.AlreadyLoaded)} already loaded, "
            + $"{results.Count(r => r.Status == LoadStatus.Rejected)} rejected, {results.Count(r => r.Status == LoadStatus.Failed)} failed; "
            + $"{N(results.Sum(r => r.RowsLoaded))} rows loaded");
    }

    // The demo's view: a row per extract format, and only what needs a reader's attention.
    private static void PrintByFormat(CliOutput output, IReadOnlyList<FileLoadResult> results)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("extract", "files", "rows loaded", "quarantined", "to Unknown", "rejected or failed");
        foreach (var format in results.GroupBy(r => r.Format ?? (r.RowsRead == 0 ? "(header only: nothing to load)" : "(format not recognised)")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(format.Key), N(format.Count()), N(format.Sum(r => r.RowsLoaded)), N(format.Sum(r => r.RowsQuarantined)),
                N(format.Sum(r => r.RowsUnknown)), N(format.Count(r => r.Status is LoadStatus.Rejected or LoadStatus.Failed)));
        }
        output.Console.Write(table);
        foreach (var r in results.Where(r => r.Status is LoadStatus.Rejected or LoadStatus.Failed && r.Message is not null))
            output.Out.WriteLine(r.Message!.StartsWith(r.File, StringComparison.Ordinal) ? r.Message : $"{r.File}: {r.Message}");
        output.Out.WriteLine($"{results.Count} files, {N(results.Sum(r => r.RowsLoaded))} rows loaded, {N(results.Sum(r => r.RowsQuarantined))} quarantined");
    }

    private static string Status(LoadStatus status) => status switch
    {
        LoadStatus.Loaded => "loaded",
        LoadStatus.NoRows => "no rows",
        LoadStatus.AlreadyLoaded => "already loaded",
        LoadStatus.Rejected => "REJECTED",
        _ => "FAILED",
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
