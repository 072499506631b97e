using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Tests.Navigation;

/// <summary>METHODS §1 on hand-made events: only requested (or blank) diversions free an appointment; re-presentation
/// is observed only with complete follow-up; a practice with no patient-level data takes the assumed rate, never 0.</summary>
public class FreedGpTimeTests
{
    private static readonly ReportWindow Window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 1, null);

    private static NavigationEvent Event(string patient, string practice, bool? requested, bool represented = false, bool patientLevel = true, bool complete = true,
        string outcome = "accepted") =>
        new(patient, practice, practice, "P1", "PCN 1", outcome, represented, requested, patientLevel, complete, PracticeKey: practice[0]);

    private static readonly IReadOnlyList<NavigationKind> Events = NavigationEvent.Kinds(
    [
        Event("p1", "A", true, represented: true),
        Event("p2", "A", true),
        Event("p3", "A", false, represented: true),
        Event("p4", "A", null),
        Event("p5", "A", true, represented: true, complete: false),
        Event("p6", "B", true, patientLevel: false, complete: false),
        Event("p7", "B", true, outcome: "declined_by_patient"),
    ]);

    [Fact]
    public void Freed_appointments_count_requested_events_with_observed_complete_and_assumed_elsewhere()
    {
        var parameters = new MethodParameters { AssumedRepresentationRate = 0.25 };

        var rows = FreedGpTime.Build(Events, 10, Window, parameters).Rows;

        var all = rows.Single(r => r.Breakdown == "all");
        all.Counts.Should().Be(new FollowUpCounts(Signposted: 7, Diverted: 6, NotRequested: 1, RequestedUnknown: 1, Complete: 3, Represented: 1,
            Incomplete: 1, NoPatientLevel: 1, Attended: 0, NoResponse: 0));
        // Complete: 3 events, 1 re-presented (the not-requested p3 counts for nothing); incomplete p5 takes the observed
        // 1/3 (its own re-presentation is unseen past the data); B's p6 takes the assumed 0.25.
        all.FreedCentral.Should().BeApproximately(2 + (2.0 / 3) + 0.75, 1e-12);
        all.RateSource.Should().Be("observed + assumed");
        rows.Single(r => r.Code == "A").FreedCentral.Should().BeApproximately(2 + (2.0 / 3), 1e-12);
        rows.Single(r => r.Code == "A").RateSource.Should().Be("observed");
        rows.Single(r => r.Code == "B").FreedCentral.Should().BeApproximately(0.75, 1e-12);
        rows.Single(r => r.Code == "B").RateSource.Should().Be("assumed");
        all.Note.Should().Contain("requested_blank events counted as requested");
    }

    [Fact]
    public void Without_an_assumed_rate_a_practice_with_no_patient_level_data_gets_the_sensitivity_rates_not_zero()
    {
        var rows = FreedGpTime.Build(Events, 10, Window, new MethodParameters()).Rows;

        rows.Where(r => r.Code == "B").Select(r => r.FreedCentral).Should().Equal(1.0, 0.9, 0.8, 0.7);
        rows.Where(r => r.Code == "A").Should().ContainSingle("practice A's re-presentation is observed");
        rows.Where(r => r.Breakdown == "all").Select(r => r.RateSource).Should().Equal("observed + sensitivity 0%", "observed + sensitivity 10%",
            "observed + sensitivity 20%", "observed + sensitivity 30%");
    }

    [Fact]
    public void Representation_is_over_complete_follow_up_and_counts_what_it_leaves_out()
    {
        var table = Representation.Build(Events, Window, new MethodParameters { AssumedRepresentationRate = 0.25 });

        var observed = table.Rows.Single(r => r.Source == "observed");
        observed.Rate.Should().BeApproximately(1.0 / 3, 1e-12);
        observed.Counts.Incomplete.Should().Be(1);
        observed.Counts.NoPatientLevel.Should().Be(1);
        observed.IntervalMethod.Should().Be(FreedGpTime.PracticeBootstrap);
        table.Rows.Single(r => r.Source == "assumed").Rate.Should().Be(0.25);
    }
}
