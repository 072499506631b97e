using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Models;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact model its|did|counterfactual</c>: the impact models for researchers (the pooled interrupted time
/// series, the staggered difference in differences and the Microsoft.ML counterfactual).</summary>
public static class ModelCommand
{
    public static Command Create(CliOutput output) => new("model", "Impact models for researchers.")
    {
        Model("its", "Interrupted time series of GP appointments per 1,000 patients around each practice's link-worker start, pooled over practices.",
            "its_summary.txt and its_estimate.csv", 13, ItsAsync, output),
        Model("did", "Staggered difference in differences (Callaway and Sant'Anna) of GP appointments per 1,000 patients by link-worker start month.",
            "did_summary.txt and did_event_study.csv", 3, DidAsync, output),
        Model("workbook", "The researcher's workbook: every model's estimate, the event study with its chart, the counterfactual's fit and placebo (pack style).",
            "impact-models-YYYY-MM.xlsx", 13, WorkbookAsync, output),
        Model("matched", "Matched before/after: GP appointments in the six months either side of a first social prescribing referral against matched registered patients.",
            "matched_summary.txt and matched_estimate.csv", 1, MatchedAsync, output),
        Model("counterfactual", "Counterfactual (Microsoft.ML FastTree) of GP appointments per 1,000 patients after each link-worker start, with held-out fit and a placebo.",
            "counterfactual_summary.txt and counterfactual_estimate.csv", 13, CounterfactualAsync, output),
    };

    // Both models take the same window and output options.
    private static Command Model(string name, string description, string files, int minimumMonths,
        Func<WarehouseLocation, ReportWindow, string, bool, CliOutput, ImpactConfiguration, Task<int>> run, CliOutput output)
    {
        var period = new Option<string>("--period") { Description = "The last month of the window, YYYY-MM", Required = true };
        var months = new Option<int>("--months") { Description = "Months in the window ending with --period", DefaultValueFactory = _ => 24 };
        var outDir = new Option<string>("--out") { Description = $"Folder for {files}", DefaultValueFactory = _ => Path.Combine("out", "models") };
        var force = new Option<bool>("--force") { Description = "Replace the files already at --out" };
        var command = new Command(name, description) { period, months, outDir, force };
        command.SetAction((parse, cancel) =>
        {
            if (!ReportCommand.TryMonth(parse.GetValue(period)!, out var month))
                return Task.FromResult(output.Usage($"--period '{parse.GetValue(period)}' is not a month: expected YYYY-MM"));
            if (parse.GetValue(months) < minimumMonths)
                return Task.FromResult(output.Usage($"--months must be at least {minimumMonths} for this model"));
            return run(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), ReportWindow.Ending(month, parse.GetValue(months), null),
                parse.GetValue(outDir)!, parse.GetValue(force), output, CommonOptions.Configuration(parse));
        });
        return command;
    }

    public static Task<int> DidAsync(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, ImpactConfiguration config) =>
        WriteAsync(location, window, folder, force, output, "did", "the difference in differences cannot be estimated",
            warehouse => new DidReport(warehouse).RunAsync(window), result => DidReport.Summary(window, result), ("did_event_study.csv", result =>
                "event_time,att_log,se,lower_95,upper_95,relative_change\n"
                + string.Concat(result.EventStudy.Select(e => $"{e.Key},{N(e.Value.Att)},{N(e.Value.StdError)},{N(e.Value.Lower)},{N(e.Value.Upper)},{N(Math.Exp(e.Value.Att) - 1)}\n"))),
            (ModelPlots.EventStudyFile, ModelPlots.EventStudy));

    public static Task<int> MatchedAsync(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, ImpactConfiguration config) =>
        WriteAsync(location, window, folder, force, output, "matched", "the matched before/after cannot be estimated",
            warehouse => new MatchedReport(warehouse).RunAsync(window), result => MatchedReport.Summary(window, result), ("matched_estimate.csv", MatchedReport.Csv));

    public static Task<int> CounterfactualAsync(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, ImpactConfiguration config) =>
        WriteAsync(location, window, folder, force, output, "counterfactual", "the counterfactual model cannot be trained",
            warehouse => new CounterfactualReport(warehouse).RunAsync(window), result => CounterfactualReport.Summary(window, result), ("counterfactual_estimate.csv", result =>
                "term,estimate_log,lower_95,upper_95,relative_change,held_out_r2,held_out_mae,practices,practices_started\n"
                + $"impact,{N(result.Effect)},{N(result.Lower)},{N(result.Upper)},{N(Math.Exp(result.Effect) - 1)},{N(result.Trees.R2)},{N(result.Trees.Mae)},{result.Practices},{result.Treated}\n"
                + $"placebo,{N(result.PlaceboEffect)},{N(result.PlaceboLower)},{N(result.PlaceboUpper)},{N(Math.Exp(result.PlaceboEffect) - 1)},,,{result.Practices},{result.Treated}\n"
                + $"regression_fit,,,,,{N(result.Regression.R2)},{N(result.Regression.Mae)},{result.Practices},{result.Treated}\n"),
            (ModelPlots.CounterfactualFile, ModelPlots.Counterfactual));

    public static async Task<int> WorkbookAsync(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, ImpactConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(window);
        var file = Path.Combine(folder, ModelWorkbook.FileName(window.LastMonth));
        if (OutputGuard.Refuse(file, isFolder: false, force, output) is { } replacing)
            return replacing;
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        try
        {
            var its = await new ItsReport(warehouse).RunAsync(window);
            var did = await new DidReport(warehouse).RunAsync(window);
            var counterfactual = await new CounterfactualReport(warehouse).RunAsync(window);
            var referrals = MatchedReport.ReferralWindow(window);
            MatchedResult? matched;
            try
            {
                matched = await new MatchedReport(warehouse).RunAsync(referrals);
            }
            catch (ArgumentException)
            {
                matched = null;
            }
            Directory.CreateDirectory(folder);
            ModelWorkbook.Write(file, window, its, did, counterfactual, (referrals, matched), ImpactMeasure.Reports.Pack.PackSettings.Load(config).Organisation, DateTimeOffset.UtcNow);
        }
        catch (ArgumentException ex)
        {
            return output.Fail($"the models cannot be fitted for {window.Describe()}: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
        }
        output.Out.WriteLine($"Wrote the researcher's workbook to {Path.GetFullPath(file)}");
        return ExitCodes.Ok;
    }

    public static Task<int> ItsAsync(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, ImpactConfiguration config) =>
        WriteAsync(location, window, folder, force, output, "its", "the interrupted time series cannot be fitted",
            warehouse => new ItsReport(warehouse).RunAsync(window), result => ItsReport.Summary(window, result), ("its_estimate.csv", result =>
                "term,estimate,lower_95,upper_95,p_value,practices,practices_started,practice_months\n"
                + $"level_change_relative,{N(result.LevelChange)},{N(result.LevelLower)},{N(result.LevelUpper)},{N(result.LevelP)},{result.Practices},{result.Treated},{result.Observations}\n"
                + $"slope_change_relative_per_month,{N(result.SlopeChange)},{N(result.SlopeLower)},{N(result.SlopeUpper)},,{result.Practices},{result.Treated},{result.Observations}\n"));

    // Every model: refuse to overwrite, fit on the warehouse, write the summary and the CSV, print the estimate.
    private static async Task<int> WriteAsync<T>(WarehouseLocation location, ReportWindow window, string folder, bool force, CliOutput output, string model,
        string cannot, Func<ImpactMeasure.Warehouse.Warehouse, Task<T>> fit, Func<T, string> summarise, (string Name, Func<T, string> Text) csv,
        (string Name, Action<string, T> Draw)? plot = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var summaryFile = $"{model}_summary.txt";
        if (OutputGuard.Refuse(Path.Combine(folder, summaryFile), isFolder: false, force, output) is { } replacing)
            return replacing;
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        T result;
        try
        {
            result = await fit(warehouse);
        }
        catch (ArgumentException ex)
        {
            return output.Fail($"{cannot} for {window.Describe()}: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
        }
        Directory.CreateDirectory(folder);
        var summary = summarise(result);
        File.WriteAllText(Path.Combine(folder, summaryFile), summary);
        File.WriteAllText(Path.Combine(folder, csv.Name), csv.Text(result));
        plot?.Draw(Path.Combine(folder, plot.Value.Name), result);
        output.Out.WriteLine(summary.Split('\n')[2]);
        output.Out.WriteLine($"Wrote {summaryFile}, {csv.Name}{(plot is { } p ? $" and {p.Name}" : "")} to {Path.GetFullPath(folder)}");
        return ExitCodes.Ok;
    }

    private static string N(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
