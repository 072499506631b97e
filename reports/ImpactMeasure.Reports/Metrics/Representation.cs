using System.Globalization;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §1 re-presentation for the area: observed over diverted events that could free a GP appointment
/// and whose follow-up window lies inside the practice's patient-level data, with a cluster-bootstrap interval over
/// practices; the events left out counted; and for practices with no patient-level data the assumed rate or the
/// sensitivity rates (never a rate of 0).</summary>
public static class Representation
{
    public static MetricTable<RepresentationRow> Build(IReadOnlyList<NavigationKind> events, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var practices = events.GroupBy(e => e.PracticeCode, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => FollowUpCounts.Sum(p.Select(k => k.Total))).ToList();
        var counts = FollowUpCounts.Sum(practices);
        var rows = new List<RepresentationRow>();
        if (counts.Complete + counts.Incomplete > 0 || counts.NoPatientLevel == 0)
        {
            var interval = practices.Count > 1
                ? ClusterBootstrap.Percentile(practices, (a, b) => a + b, c => c.ObservedRate, parameters.BootstrapSeed, parameters.BootstrapResamples, parameters.Confidence)
                : Proportion.Of(counts.Represented, counts.Complete, parameters.Confidence) is var p ? new Interval(p.Lower, p.Upper) : default;
            var method = practices.Count > 1 ? FreedGpTime.PracticeBootstrap : "Wilson score interval (one practice)";
            rows.Add(new("observed", window.Key, counts, counts.ObservedRate, interval.Lower, interval.Upper, method, ObservedNote(counts)));
        }
        if (counts.NoPatientLevel > 0 || (counts.Incomplete > 0 && counts.Complete == 0))
        {
            var unobserved = counts with { Complete = 0, Represented = 0 };
            if (parameters.AssumedRepresentationRate is { } assumed)
            {
                rows.Add(new("assumed", window.Key, unobserved, assumed, null, null, "",
                    "assumed_representation_rate from configuration, for events at practices with no patient-level data"));
            }
            else
            {
                rows.AddRange(FreedGpTime.SensitivityRates.Select(rate => new RepresentationRow("sensitivity", window.Key, unobserved, rate, null, null, "",
                    "no assumed rate configured: one row per rate for events at practices with no patient-level data")));
            }
        }
        return new MetricTable<RepresentationRow>("representation", $"Re-presentation to a GP within {parameters.RepresentationWindowDays} days of diversion",
            RepresentationRow.Columns, rows)
        {
            Methods = FreedGpTime.Methods(parameters),
        };
    }

    private static string ObservedNote(FollowUpCounts counts) => counts.Complete == 0
        ? "no diverted events with complete follow-up in the window"
        : string.Create(CultureInfo.InvariantCulture, $"from patient-level appointments, over events with complete follow-up; {counts.Incomplete} with incomplete follow-up and {counts.NoPatientLevel} at practices with no patient-level data left out of the rate");
}
