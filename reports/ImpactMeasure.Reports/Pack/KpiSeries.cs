using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Pack;

/// <summary>The headline measures month by month over the months up to the pack's period, from the same queries
/// as the metric files; each value carries the counts it rests on, so the release can protect them.</summary>
public static class KpiSeries
{
    public static IReadOnlyList<Kpi> Build(IReadOnlyList<ReportQueries.Row> outcomes, IReadOnlyDictionary<DateOnly, FollowUpCounts> navigationByMonth,
        IReadOnlyList<DateOnly> months, MethodParameters parameters, IReadOnlyList<ReportQueries.Row>? starts = null, IReadOnlyList<ReportQueries.Row>? context = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(navigationByMonth);
        ArgumentNullException.ThrowIfNull(parameters);
        var byMonth = outcomes.ToLookup(r => r.Date("month_start_date"));
        (CellKey, long) Nav(DateOnly m, Func<FollowUpCounts, long> count, string measure) =>
            (CellKey.Total(measure, ReportWindow.MonthKey(m)), navigationByMonth.TryGetValue(m, out var counts) ? count(counts) : 0);
        (CellKey, long) Outcome(DateOnly m, Func<OutcomeCounts, long> count, string measure) =>
            (CellKey.Total(measure, ReportWindow.MonthKey(m)), count(OutcomeCounts.Sum(byMonth[m])));
        KpiPoint Count(DateOnly m, (CellKey Key, long Value) cell) => new(m, cell.Value, [cell], v => v[0]);
        KpiPoint Rate(DateOnly m, (CellKey Key, long Value) numerator, (CellKey Key, long Value) denominator) =>
            new(m, denominator.Value == 0 ? null : (double)numerator.Value / denominator.Value, [numerator, denominator], v => v[1] == 0 ? null : (double)v[0] / v[1]);
        KpiPoint Decisions(DateOnly m, Func<OutcomeCounts, long> count, string measure) =>
            Rate(m, Outcome(m, count, measure), Outcome(m, c => c.WithDecision, MeasureNames.WithDecision));
        // Freed appointments as freed_gp_time computes them; a month that needs a rate nobody configured has no value.
        KpiPoint Freed(DateOnly m)
        {
            (CellKey Key, long Value)[] basis =
            [
                Nav(m, c => c.Complete, MeasureNames.FollowUpComplete), Nav(m, c => c.Represented, MeasureNames.Represented),
                Nav(m, c => c.Incomplete, MeasureNames.FollowUpIncomplete), Nav(m, c => c.NoPatientLevel, MeasureNames.NoPatientLevel),
            ];
            double? Of(IReadOnlyList<long> v)
            {
                var counts = new FollowUpCounts { Complete = v[0], Represented = v[1], Incomplete = v[2], NoPatientLevel = v[3] };
                var rates = FreedGpTime.UnobservedRates(counts, parameters);
                return rates.Length == 1 ? counts.Freed(rates[0]) : null;
            }
            return new(m, Of(basis.Select(b => b.Value).ToList()), basis, Of);
        }
        KpiPoint Representation(DateOnly m) => Rate(m, Nav(m, c => c.Represented, MeasureNames.Represented), Nav(m, c => c.Complete, MeasureNames.FollowUpComplete));
        KpiPoint SpReferrals(DateOnly m)
        {
            var count = OutcomeCounts.Sum(byMonth[m].Where(r => r.Text("role_code") == SocialPrescribingMetrics.LinkWorker)).Referrals;
            return Count(m, (new CellKey(MeasureNames.Referrals, CellKey.All, CellKey.All, ReportWindow.MonthKey(m), SpCaseloadRow.Role, CellKey.All, CellKey.All), count));
        }
        List<KpiPoint> Series(Func<DateOnly, KpiPoint> point) => months.Select(point).ToList();
        var navigator = ChangePoints.Of(starts ?? [], "care_navigator", months[0], months[^1]);
        var linkWorker = ChangePoints.Of(starts ?? [], SocialPrescribingMetrics.LinkWorker, months[0], months[^1]);
        // GPAD context: appointment counts are not person counts (never suppressed); freed as a share of them rests on
        // the freed counts, so it is hidden whenever freed appointments are.
        var gpad = (context ?? []).ToDictionary(r => r.Date("month_start_date"));
        double? GpAppointments(DateOnly m) => gpad.TryGetValue(m, out var r) && r.Text("gp_appointments").Length > 0 ? r.Count("gp_appointments") : null;
        double? Patients(DateOnly m) => gpad.TryGetValue(m, out var r) && r.Text("registered_patients").Length > 0 ? r.Count("registered_patients") : null;
        KpiPoint Fixed(DateOnly m, double? value) => new(m, value, [], _ => value);
        KpiPoint FreedShare(DateOnly m)
        {
            var freed = Freed(m);
            var gp = GpAppointments(m);
            return new(m, freed.Value / gp, freed.Basis, v => freed.Formula(v) / gp);
        }
        return
        [
            new("Care navigation signposting events", "events", false, ImprovementDirection.Neutral, Series(m => Count(m, Nav(m, c => c.Signposted, MeasureNames.Signposted))))
                { Key = "signposting_events", ChangePoints = navigator },
            new("Patients diverted from a GP appointment", "patients", false, ImprovementDirection.Increase, Series(m => Count(m, Nav(m, c => c.Diverted, MeasureNames.Diverted))))
                { Key = "patients_diverted", ChangePoints = navigator },
            new("GP appointments freed (central estimate)", "appointments", false, ImprovementDirection.Increase, Series(Freed)) { Key = "gp_appointments_freed", ChangePoints = navigator },
            new("Re-presentation to a GP within the window", "%", true, ImprovementDirection.Decrease, Series(Representation)) { Key = "representation_rate", ChangePoints = navigator },
            new("Service acceptance rate", "%", true, ImprovementDirection.Increase, Series(m => Decisions(m, c => c.AcceptedByService, MeasureNames.AcceptedByService))) { Key = "acceptance_rate" },
            new("Capacity rejection rate", "%", true, ImprovementDirection.Decrease, Series(m => Decisions(m, c => c.RejectedCapacity, MeasureNames.RejectedCapacity))) { Key = "capacity_rejection_rate" },
            new("Inappropriate referral rate", "%", true, ImprovementDirection.Decrease, Series(m => Decisions(m, c => c.RejectedInappropriate, MeasureNames.RejectedInappropriate))) { Key = "inappropriate_referral_rate" },
            new("Social prescribing referrals", "referrals", false, ImprovementDirection.Neutral, Series(SpReferrals)) { Key = "sp_referrals", ChangePoints = linkWorker },
            new("Context: GP appointments (GPAD)", "appointments", false, ImprovementDirection.Neutral, Series(m => Fixed(m, GpAppointments(m)))) { Key = "gp_appointments" },
            new("Context: GP appointments per 1,000 registered patients", "per 1,000 patients", false, ImprovementDirection.Neutral,
                Series(m => Fixed(m, GpAppointments(m) * 1000 / Patients(m)))) { Key = "gp_appointments_per_1000" },
            new("Context: freed appointments as a share of GP appointments", "%", false, ImprovementDirection.Increase, Series(FreedShare))
                { Key = "freed_share_of_gp_appointments", ChangePoints = navigator },
        ];
    }

    /// <summary>The keys a target can be configured under (<c>methods.targets</c>).</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["signposting_events", "patients_diverted", "gp_appointments_freed", "representation_rate", "acceptance_rate", "capacity_rejection_rate", "inappropriate_referral_rate", "sp_referrals",
         "gp_appointments", "gp_appointments_per_1000", "freed_share_of_gp_appointments"];

    /// <summary>The SPC chart of a measure over the months that have a value (METHODS §5): a p-chart for a rate
    /// (Laney's p′ where overdispersed; months under <c>spc_min_denominator</c> shown, not judged), an XmR chart for a
    /// count; limits recalculated at the measure's change points, words by its improvement direction.</summary>
    public static IReadOnlyList<XmrPoint> Chart(Kpi kpi, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(parameters);
        var points = kpi.Series.Where(p => p.Value is not null).ToList();
        if (points.Count < 2)
            return [];
        if (kpi.IsRate)
            return ProportionChart(kpi, points, parameters);
        var options = new XmrOptions { ScreenOutliers = parameters.SpcScreenOutliers, RunLength = parameters.SpcRunLength, Direction = kpi.Direction };
        return XmrChart.Calculate(points.Select(p => (p.Month, p.Value!.Value)).ToList(), options, kpi.ChangePoints.ToList());
    }

    private static List<XmrPoint> ProportionChart(Kpi kpi, List<KpiPoint> points, MethodParameters parameters)
    {
        var phases = kpi.ChangePoints.Select(c => points.FindIndex(p => p.Month >= c)).Where(i => i > 0).Distinct().ToList();
        var chart = PChart.Choose(points.Select(p => (p.Basis[0].Value, p.Basis[1].Value)).ToList(), parameters.SpcMinDenominator, phases);
        return points.Select((p, i) =>
        {
            var c = chart[i];
            var type = !c.Judged ? "Not judged (too few)" : c.Side > 0 ? "Above UCL" : c.Side < 0 ? "Below LCL" : XmrPoint.CommonCause;
            return new XmrPoint(p.Month, c.Y, c.Phase, c.CentreLine, c.LowerLimit, c.UpperLimit, c.Lower95, c.Upper95, double.IsNaN(c.Y - c.CentreLine) ? 0 : Math.Sign(c.Y - c.CentreLine),
                c.SigmaSignal, false, type, c.Side == 0 ? "common_cause" : XmrChart.PointType(type, kpi.Direction), false);
        }).ToList();
    }
}
