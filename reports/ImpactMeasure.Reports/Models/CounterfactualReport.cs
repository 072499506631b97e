using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImpactMeasure.Reports.Models;

/// <summary>The counterfactual model's estimate (log scale: impact = observed − predicted log rate), its fit on
/// held-out months against a regression on the same features, and the same estimate at placebo start dates.</summary>
public sealed record CounterfactualResult(int Practices, int Treated, int TrainingRows, int TreatedRows, double Effect, double Lower, double Upper,
    ModelFit Trees, ModelFit Regression, double PlaceboEffect, double PlaceboLower, double PlaceboUpper)
{
    /// <summary>Treated practices' mean rate (GP appointments per 1,000 patients) and the model's mean prediction, by months
    /// since the start: the observed-against-counterfactual plot.</summary>
    public IReadOnlyList<(int MonthsSinceStart, double Observed, double Predicted)> Path { get; init; } = [];

    public (double Estimate, double Lower, double Upper) Relative => (Math.Exp(Effect) - 1, Math.Exp(Lower) - 1, Math.Exp(Upper) - 1);

    public (double Estimate, double Lower, double Upper) PlaceboRelative => (Math.Exp(PlaceboEffect) - 1, Math.Exp(PlaceboLower) - 1, Math.Exp(PlaceboUpper) - 1);
}

/// <summary>A model's fit on the held-out months (log rate): R² and mean absolute error.</summary>
public sealed record ModelFit(double R2, double Mae);

/// <summary><c>impact model counterfactual</c> (METHODS §6): a FastTree regression (Microsoft.ML) of each practice-month's
/// log GP appointments per 1,000 patients on calendar month, trend and the practice's own level before any link
/// worker, trained on practice-months not yet treated (and never treated); it predicts each treated practice's months
/// after its start, and the impact is observed − predicted, averaged, with a bootstrap over the treated practices.
/// The same is done at a placebo start six months early (should find nothing). Fit is judged on held-out months (the
/// never-treated practices' last six) beside an ordinary regression on the same features: where the trees do no
/// better, the summary says so.</summary>
public sealed class CounterfactualReport(ImpactMeasure.Warehouse.Warehouse warehouse)
{
    public const int Seed = 20251205;
    public const int Resamples = 1000;
    public const int PlaceboShift = 6;
    private const int BaselineMonths = 6;
    private const int HeldOutMonths = 6;

    public async Task<CounterfactualResult> RunAsync(ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var months = await LinkWorkerMonths.LoadAsync(warehouse, window);
        return Estimate(months, window.Months);
    }

    /// <summary>The estimate on a panel of practice-months (public for the simulation tests).</summary>
    public static CounterfactualResult Estimate(IReadOnlyList<PracticeMonth> months, int periods)
    {
        ArgumentNullException.ThrowIfNull(months);
        // Each practice's level before any link worker: the mean log rate of its first months not yet treated.
        var baseline = months.GroupBy(m => m.Practice, StringComparer.Ordinal)
            .Select(g => (g.Key, Rows: g.Where(m => m.MonthIndex <= BaselineMonths && (m.StartIndex is null || m.MonthIndex < m.StartIndex)).ToList()))
            .Where(p => p.Rows.Count >= 2).ToDictionary(p => p.Key, p => p.Rows.Average(m => Math.Log(m.Rate)), StringComparer.Ordinal);
        var panel = months.Where(m => baseline.ContainsKey(m.Practice)).ToList();
        Row ToRow(PracticeMonth m) => new() { Trend = m.MonthIndex, MonthOfYear = m.MonthOfYear, Baseline = (float)baseline[m.Practice], Label = (float)Math.Log(m.Rate) };
        var treatedPractices = panel.Where(m => m.StartIndex is { } s && s > BaselineMonths && s <= periods).Select(m => m.Practice).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (treatedPractices.Count == 0)
            throw new ArgumentException("no practice's link worker started after its first six months in the window", nameof(months));
        bool NeverTreated(PracticeMonth m) => m.StartIndex is null || m.StartIndex > periods;
        var heldOut = panel.Where(m => NeverTreated(m) && m.MonthIndex > periods - HeldOutMonths).ToList();
        var training = panel.Where(m => (NeverTreated(m) && m.MonthIndex <= periods - HeldOutMonths) || (!NeverTreated(m) && m.MonthIndex < m.StartIndex)).ToList();
        if (heldOut.Count == 0)
            throw new ArgumentException("no never-treated practice to hold months out for the model's fit", nameof(months));
        var ml = new MLContext(Seed);
        // The fit is judged by models that never saw the held-out months; the estimate uses a model trained on every
        // untreated month (trees cannot extrapolate in time, so the late months must be in its training).
        var withoutHeldOut = Train(ml, training.Select(ToRow));
        var trees = Fit(heldOut.Select(m => (Observed: Math.Log(m.Rate), Predicted: Predict(ml, withoutHeldOut, ToRow(m)))).ToList());
        var ols = Regression(training.Select(ToRow).ToList());
        var regression = Fit(heldOut.Select(m => (Observed: Math.Log(m.Rate), Predicted: ols(ToRow(m)))).ToList());
        training.AddRange(heldOut);
        var model = Train(ml, training.Select(ToRow));
        var post = panel.Where(m => treatedPractices.Contains(m.Practice) && m.MonthIndex >= m.StartIndex).ToList();
        var predicted = post.Select(m => (Month: m, Predicted: Predict(ml, model, ToRow(m)))).ToList();
        var (effect, lower, upper) = Impact(predicted.Select(p => (p.Month.Practice, Gap: Math.Log(p.Month.Rate) - p.Predicted)).ToList());
        var path = predicted.GroupBy(p => p.Month.MonthIndex - p.Month.StartIndex!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Average(p => p.Month.Rate), g.Average(p => Math.Exp(p.Predicted)))).ToList();
        // Placebo: each treated practice "starts" six months early; trained only on months before that.
        var placeboTraining = panel.Where(m => NeverTreated(m) || m.MonthIndex < m.StartIndex - PlaceboShift).ToList();
        var placeboRows = panel.Where(m => treatedPractices.Contains(m.Practice) && m.StartIndex - PlaceboShift > BaselineMonths
            && m.MonthIndex >= m.StartIndex - PlaceboShift && m.MonthIndex < m.StartIndex).ToList();
        var placeboModel = Train(ml, placeboTraining.Select(ToRow));
        var placebo = placeboRows.Count == 0 ? (double.NaN, double.NaN, double.NaN)
            : Impact(placeboRows.Select(m => (m.Practice, Gap: Math.Log(m.Rate) - Predict(ml, placeboModel, ToRow(m)))).ToList());
        return new CounterfactualResult(baseline.Count, treatedPractices.Count, training.Count, post.Count, effect, lower, upper, trees, regression,
            placebo.Item1, placebo.Item2, placebo.Item3) { Path = path };
    }

    private sealed class Row
    {
        public float Trend { get; set; }
        public float MonthOfYear { get; set; }
        public float Baseline { get; set; }
        public float Label { get; set; }
    }

    private sealed class Prediction
    {
        [ColumnName("Score")]
        public float Score { get; set; }
    }

    // Small trees, one thread: the same data and seed give the same model.
    private static TransformerChain<RegressionPredictionTransformer<Microsoft.ML.Trainers.FastTree.FastTreeRegressionModelParameters>> Train(MLContext ml, IEnumerable<Row> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Row.Trend), nameof(Row.MonthOfYear), nameof(Row.Baseline))
            .Append(ml.Regression.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(Row.Label), NumberOfLeaves = 8, NumberOfTrees = 200, MinimumExampleCountPerLeaf = 10, LearningRate = 0.1,
                NumberOfThreads = 1,
            }));
        return pipeline.Fit(data);
    }

    private static double Predict(MLContext ml, ITransformer model, Row row) =>
        ml.Model.CreatePredictionEngine<Row, Prediction>(model).Predict(row).Score;

    // The regression the trees are compared with: log rate on baseline, trend and month-of-year dummies.
    private static Func<Row, double> Regression(List<Row> rows)
    {
        static double[] X(Row r) => [1, r.Baseline, r.Trend, .. Enumerable.Range(2, 11).Select(m => r.MonthOfYear == m ? 1.0 : 0.0)];
        var x = Matrix<double>.Build.DenseOfRowArrays(rows.Select(X));
        var y = Vector<double>.Build.DenseOfEnumerable(rows.Select(r => (double)r.Label));
        var beta = x.QR().Solve(y);
        return r => Vector<double>.Build.DenseOfArray(X(r)).DotProduct(beta);
    }

    private static ModelFit Fit(List<(double Observed, double Predicted)> rows)
    {
        var mean = rows.Average(r => r.Observed);
        var residual = rows.Sum(r => Math.Pow(r.Observed - r.Predicted, 2));
        var total = rows.Sum(r => Math.Pow(r.Observed - mean, 2));
        return new ModelFit(total == 0 ? double.NaN : 1 - (residual / total), rows.Average(r => Math.Abs(r.Observed - r.Predicted)));
    }

    // The mean gap over the treated practice-months, and a percentile bootstrap over practices (the model held fixed).
    private static (double Effect, double Lower, double Upper) Impact(List<(string Practice, double Gap)> gaps)
    {
        var byPractice = gaps.GroupBy(g => g.Practice, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Sum: g.Sum(x => x.Gap), Count: g.Count())).ToArray();
        var effect = byPractice.Sum(p => p.Sum) / byPractice.Sum(p => p.Count);
        var random = new Random(Seed);
        var draws = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            double sum = 0, count = 0;
            for (var k = 0; k < byPractice.Length; k++)
            {
                var p = byPractice[random.Next(byPractice.Length)];
                sum += p.Sum;
                count += p.Count;
            }
            draws[b] = sum / count;
        }
        Array.Sort(draws);
        return (effect, draws[(int)(0.025 * Resamples)], draws[(int)(0.975 * Resamples) - 1]);
    }

    public static string Summary(ReportWindow window, CounterfactualResult result)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(result);
        var (estimate, lower, upper) = result.Relative;
        var (placebo, placeboLower, placeboUpper) = result.PlaceboRelative;
        var better = result.Trees.Mae < result.Regression.Mae;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Counterfactual (Microsoft.ML FastTree): GP appointments per 1,000 registered patients after each practice's link worker started, against the model's prediction without one, {window.Describe()}.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Estimate: after their link worker started, practices had {estimate:+0.0%;-0.0%} GP appointments against the prediction (95% CI {lower:+0.0%;-0.0%} to {upper:+0.0%;-0.0%}, bootstrap over {result.Treated} treated practices); {result.TreatedRows} treated practice-months, trained on {result.TrainingRows} practice-months not yet treated."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Placebo: with each start moved {PlaceboShift} months earlier the model finds {placebo:+0.0%;-0.0%} (95% CI {placeboLower:+0.0%;-0.0%} to {placeboUpper:+0.0%;-0.0%}); an effect here would mean the model, not the link worker, explains the estimate."));
        var verdict = better ? "The trees predict held-out months better than the regression."
            : "The trees do no better than the regression on held-out months: prefer the regression models (impact model its, did) for citing.";
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Fit on held-out months (never-treated practices' last {HeldOutMonths}, log rate): trees R² {result.Trees.R2:0.000}, MAE {result.Trees.Mae:0.0000}; regression on the same features R² {result.Regression.R2:0.000}, MAE {result.Regression.Mae:0.0000}. {verdict}"));
        text.AppendLine();
        text.AppendLine($"Method (METHODS §6): FastTree regression (200 trees of 8 leaves, at least 10 rows a leaf, learning rate 0.1, one thread, seed {Seed}) of the log rate on month index, month of year and the practice's mean log rate over its first {BaselineMonths} months before any link worker; trained on practice-months before each practice's start and on never-treated practices (the fit is judged by a model trained without the never-treated practices' last {HeldOutMonths} months). Impact = mean of observed − predicted log rate over treated months; interval: percentile bootstrap over treated practices, {Resamples:N0} resamples, the model held fixed (so a little narrow). List size and deprivation are not in the features: the warehouse holds no practice deprivation yet.");
        text.AppendLine();
        text.AppendLine("Assumptions: months before a start are like those after would have been without a link worker, given the features (no anticipation, no other change at the start); practices starting in the first six months of the window are left out (no clean baseline).");
        return text.ToString();
    }
}
