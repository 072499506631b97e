using ScottPlot;

namespace ImpactMeasure.Reports.Models;

/// <summary>The models' PNG plots (ScottPlot): the event study with its 95% intervals (the months before the start are
/// the pre-trends) and the treated practices' observed rate against the counterfactual's prediction.</summary>
public static class ModelPlots
{
    public const string EventStudyFile = "did_event_study.png";
    public const string CounterfactualFile = "counterfactual_observed_vs_predicted.png";
    private const int Width = 900;
    private const int Height = 520;

    public static void EventStudy(string path, DidResult did)
    {
        ArgumentNullException.ThrowIfNull(did);
        var events = did.EventStudy.OrderBy(e => e.Key).ToList();
        double[] xs = [.. events.Select(e => (double)e.Key)];
        var plot = new Plot();
        var estimate = plot.Add.Scatter(xs, [.. events.Select(e => 100 * (Math.Exp(e.Value.Att) - 1))]);
        estimate.LegendText = "Estimate";
        estimate.Color = Color.FromHex("#005EB8");
        foreach (var (name, bound) in new (string, Func<DidAggregate, double>)[] { ("Lower 95% limit", a => a.Lower), ("Upper 95% limit", a => a.Upper) })
        {
            var line = plot.Add.Scatter(xs, [.. events.Select(e => 100 * (Math.Exp(bound(e.Value)) - 1))]);
            line.LegendText = name;
            line.Color = Color.FromHex("#A6A6A6");
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
        }
        plot.Add.HorizontalLine(0, color: Color.FromHex("#404040"));
        plot.Add.VerticalLine(-0.5, color: Color.FromHex("#404040"), pattern: LinePattern.Dotted);
        plot.Title("Change in GP appointments by months since the link worker started");
        plot.XLabel("Months since the link worker started (before 0: pre-trends)");
        plot.YLabel("Change in GP appointments (%)");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, Width, Height);
    }

    public static void Counterfactual(string path, CounterfactualResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] xs = [.. result.Path.Select(p => (double)p.MonthsSinceStart)];
        var plot = new Plot();
        var observed = plot.Add.Scatter(xs, [.. result.Path.Select(p => p.Observed)]);
        observed.LegendText = "Observed (treated practices' mean)";
        observed.Color = Color.FromHex("#005EB8");
        var predicted = plot.Add.Scatter(xs, [.. result.Path.Select(p => p.Predicted)]);
        predicted.LegendText = "Counterfactual (the model's prediction without a link worker)";
        predicted.Color = Color.FromHex("#7F7F7F");
        predicted.LinePattern = LinePattern.Dashed;
        plot.Title("GP appointments after the link worker started: observed against the counterfactual");
        plot.XLabel("Months since the link worker started");
        plot.YLabel("GP appointments per 1,000 registered patients");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, Width, Height);
    }
}
