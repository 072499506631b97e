using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests.Outcomes;

/// <summary>rpt_referral_outcomes rolls its counts up to the reports' breakdowns in SQL (grouping sets; on Citus over a
/// materialized intermediate result): on the sample, every engine's rows equal the same window's events read one row
/// each and summed in C# (<see cref="OutcomeRollup"/>), row for row.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class ReferralOutcomeBreakdownTests(SampleWarehouses sample)
{
    private static readonly string Reference = ReferenceQueries.Read("reference_referral_outcomes.sql");

    [Theory, MemberData(nameof(ReferenceQueries.SampleWindows), MemberType = typeof(ReferenceQueries))]
    public async Task The_breakdowns_are_the_events_summed_in_csharp(string engine, string period, int months, string? area)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();
        var window = ReferenceQueries.Window(period, months, area);
        var events = await ReportQueries.RunTextAsync(connection, "reference referral outcome events", Reference, window);

        var rows = await ReportQueries.RunAsync(connection, ReportQueries.ReferralOutcomes, window);

        events.Should().NotBeEmpty();
        rows.Select(OutcomeRollup.Canonical).Should().BeEquivalentTo(OutcomeRollup.Of(events).Select(OutcomeRollup.Canonical));
        if (area is null)
            rows.Should().HaveCountLessThan(events.Count / 10, "the reports read the breakdowns, not the events");
        OutcomeBreakdown.LinkWorkers(rows, OutcomeBreakdown.RolePcn).Should().NotBeEmpty("the sample's link workers take referrals");
        OutcomeBreakdown.Of(rows, OutcomeBreakdown.All).Single().Count("referrals").Should().Be(events.Count);
    }

    [Theory, EveryEngine]
    public async Task An_empty_window_has_no_rows(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();

        var rows = await ReportQueries.RunAsync(connection, ReportQueries.ReferralOutcomes, ReportWindow.Ending(new DateOnly(2015, 1, 1), 1, null));

        rows.Should().BeEmpty("no referrals: not an all-referrals row of zeros");
    }
}
