namespace ImpactMeasure.Reports.Models;

/// <summary>Which units a cohort is compared with: never-treated only, or also those not yet treated by then.</summary>
public enum DidControl
{
    NeverTreated,
    NotYetTreated,
}

/// <summary>The base period of each group-time cell: the period before the cohort's start for post cells and the
/// period before t for pre cells ("varying"), or always the period before the start ("universal").</summary>
public enum DidBasePeriod
{
    Varying,
    Universal,
}

/// <summary>One ATT(g, t) with its analytical standard error (null for the universal base period's reference cell)
/// and each unit's influence function on the full-sample scale.</summary>
public sealed record GroupTimeEffect(int Group, int Time, double Att, double? StdError, double[] Influence)
{
    public int EventTime => Time - Group;

    public bool Post => Time >= Group;
}

/// <summary>An aggregate of the group-time effects with its standard error.</summary>
public sealed record DidAggregate(double Att, double StdError)
{
    /// <summary>Each unit's influence on the estimate (full-sample scale), for clustered standard errors.</summary>
    public double[] Influence { get; init; } = [];

    public double Lower => Att - (1.959963984540054 * StdError);

    public double Upper => Att + (1.959963984540054 * StdError);
}

/// <summary>Staggered difference in differences after Callaway and Sant'Anna (2021), as R did 2.5.1 <c>att_gt</c>
/// and <c>aggte</c> compute it with no covariates on a balanced panel: each cohort g (first treated period) is
/// compared at each period t with never-treated or not-yet-treated units, as a 2×2 difference in differences
/// between t and a base period; the cells are then averaged with cohort-size weights, whose estimation enters the
/// standard errors. Unlike a two-way fixed-effects regression, no already-treated unit serves as a control, so
/// effects that differ by cohort or grow with time do not bias the estimate.</summary>
public static class StaggeredDid
{
    /// <param name="y">the outcome of unit i in period t at y[i, t − 1]; periods 1..T</param>
    /// <param name="firstTreat">each unit's first treated period, 0 for never</param>
    /// <param name="control">never-treated, or also not-yet-treated units</param>
    /// <param name="basePeriod">varying or universal base periods</param>
    public static IReadOnlyList<GroupTimeEffect> GroupTime(double[,] y, int[] firstTreat, DidControl control, DidBasePeriod basePeriod)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(firstTreat);
        var (n, periods) = (y.GetLength(0), y.GetLength(1));
        var cells = new List<GroupTimeEffect>();
        foreach (var g in firstTreat.Where(f => f > 0).Distinct().Order())
        {
            for (var t = basePeriod == DidBasePeriod.Varying ? 2 : 1; t <= periods; t++)
            {
                var b = basePeriod == DidBasePeriod.Universal || t >= g ? g - 1 : t - 1;
                if (basePeriod == DidBasePeriod.Universal && t == b)
                {
                    cells.Add(new GroupTimeEffect(g, t, 0, null, new double[n]));
                    continue;
                }
                bool Treated(int i) => firstTreat[i] == g;
                bool Control(int i) => firstTreat[i] == 0 || (control == DidControl.NotYetTreated && firstTreat[i] > Math.Max(t, b) && firstTreat[i] != g);
                double Change(int i) => y[i, t - 1] - y[i, b - 1];
                var treated = Enumerable.Range(0, n).Where(Treated).ToList();
                var controls = Enumerable.Range(0, n).Where(Control).ToList();
                var (treatedMean, controlMean) = (treated.Average(Change), controls.Average(Change));
                var influence = new double[n];
                foreach (var i in treated)
                    influence[i] = n * (Change(i) - treatedMean) / treated.Count;
                foreach (var i in controls)
                    influence[i] -= n * (Change(i) - controlMean) / controls.Count;
                cells.Add(new GroupTimeEffect(g, t, treatedMean - controlMean, StdError(influence), influence));
            }
        }
        return cells;
    }

    /// <summary>The average of the post cells weighted by cohort size ("simple").</summary>
    public static DidAggregate Simple(IReadOnlyList<GroupTimeEffect> cells, int[] firstTreat)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return Weighted(cells.Where(c => c.Post).Select(Part).ToList(), cells.Where(c => c.Post).Select(c => c.Group).ToList(), firstTreat).Result;
    }

    /// <summary>θ(e) for each event time e (the cohorts observed e periods after their start, weighted by size), and
    /// the overall effect: the plain mean of θ(e) over e ≥ 0.</summary>
    public static (IReadOnlyDictionary<int, DidAggregate> ByEventTime, DidAggregate Overall) Dynamic(IReadOnlyList<GroupTimeEffect> cells, int[] firstTreat)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var byEvent = cells.GroupBy(c => c.EventTime).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => Weighted(g.Select(Part).ToList(), g.Select(c => c.Group).ToList(), firstTreat));
        return (byEvent.ToDictionary(p => p.Key, p => p.Value.Result), Mean(byEvent.Where(p => p.Key >= 0).Select(p => p.Value).ToList()).Result);
    }

    /// <summary>θ(g) for each cohort (the plain mean of its post cells), and the overall effect weighted by cohort size.</summary>
    public static (IReadOnlyDictionary<int, DidAggregate> ByGroup, DidAggregate Overall) Group(IReadOnlyList<GroupTimeEffect> cells, int[] firstTreat)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var byGroup = cells.Where(c => c.Post).GroupBy(c => c.Group).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Mean(g.Select(Part).ToList()));
        var overall = Weighted(byGroup.Values.ToList(), byGroup.Keys.ToList(), firstTreat);
        return (byGroup.ToDictionary(p => p.Key, p => p.Value.Result), overall.Result);
    }

    /// <summary>θ(t) for each calendar period with a treated cohort (its post cells weighted by size), and the plain
    /// mean over those periods.</summary>
    public static (IReadOnlyDictionary<int, DidAggregate> ByTime, DidAggregate Overall) Calendar(IReadOnlyList<GroupTimeEffect> cells, int[] firstTreat)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var byTime = cells.Where(c => c.Post).GroupBy(c => c.Time).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => Weighted(g.Select(Part).ToList(), g.Select(c => c.Group).ToList(), firstTreat));
        return (byTime.ToDictionary(p => p.Key, p => p.Value.Result), Mean(byTime.Values.ToList()).Result);
    }

    /// <summary>An estimate and its influence function.</summary>
    private sealed record Estimate(double Att, double[] Influence, bool HasError = true)
    {
        public DidAggregate Result => new(Att, HasError ? StdError(Influence) : double.NaN) { Influence = Influence };
    }

    private static Estimate Part(GroupTimeEffect cell) => new(cell.Att, cell.Influence, cell.StdError is not null);

    private static Estimate Mean(List<Estimate> parts)
    {
        var n = parts[0].Influence.Length;
        var influence = new double[n];
        foreach (var part in parts)
        {
            for (var i = 0; i < n; i++)
                influence[i] += part.Influence[i] / parts.Count;
        }
        return new Estimate(parts.Average(p => p.Att), influence, parts.Any(p => p.HasError));
    }

    // Σ w_k ATT_k with w_k = p_g / Σ p_g (p_g the share of all units in cohort g), and the influence of estimating
    // those shares (did's wif()).
    private static Estimate Weighted(List<Estimate> parts, List<int> groups, int[] firstTreat)
    {
        var n = firstTreat.Length;
        if (parts.All(p => !p.HasError))
            return new Estimate(parts.Average(p => p.Att), new double[n], HasError: false);
        var share = groups.Select(g => (double)firstTreat.Count(f => f == g) / n).ToArray();
        var total = share.Sum();
        var att = parts.Select((p, k) => share[k] / total * p.Att).Sum();
        var influence = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sumDeviation = groups.Select((g, k) => (firstTreat[i] == g ? 1 : 0) - share[k]).Sum();
            for (var k = 0; k < parts.Count; k++)
            {
                var deviation = (firstTreat[i] == groups[k] ? 1 : 0) - share[k];
                var weightInfluence = (deviation / total) - (sumDeviation * share[k] / (total * total));
                influence[i] += (share[k] / total * parts[k].Influence[i]) + (weightInfluence * parts[k].Att);
            }
        }
        return new Estimate(att, influence);
    }

    /// <summary>The standard error with units clustered (e.g. practices by the PCN that adopted the link worker):
    /// the influence summed within each cluster, with the G/(G−1) small-sample factor. With few clusters it is
    /// approximate (a wild cluster bootstrap would be better and is not built).</summary>
    public static double ClusteredStdError(double[] influence, IReadOnlyList<string> cluster)
    {
        ArgumentNullException.ThrowIfNull(influence);
        ArgumentNullException.ThrowIfNull(cluster);
        var sums = influence.Select((v, i) => (Cluster: cluster[i], v)).GroupBy(p => p.Cluster).Select(g => g.Sum(p => p.v)).ToList();
        var g = sums.Count;
        return Math.Sqrt((double)g / (g - 1) * sums.Sum(v => v * v)) / influence.Length;
    }

    private static double StdError(double[] influence) => Math.Sqrt(influence.Sum(v => v * v) / influence.Length / influence.Length);
}
