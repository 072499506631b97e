using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests.Navigation;

/// <summary>rpt_navigation_kinds and rpt_navigation_months count METHODS §1 in SQL; on the sample they must equal the
/// same events read one row each and classified in C# (<see cref="NavigationEvent"/>), on every engine.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class NavigationKindsTests(SampleWarehouses sample)
{
    private static readonly string Reference = ReferenceQueries.Read("reference_navigation_events.sql");

    [Theory, MemberData(nameof(ReferenceQueries.SampleWindows), MemberType = typeof(ReferenceQueries))]
    public Task The_kinds_and_months_are_the_events_counted_in_csharp(string engine, string period, int months, string? area) =>
        OnSampleAsync(engine, period, months, area, async (connection, window, events) =>
    {
        var kinds = NavigationKind.Read(await ReportQueries.RunAsync(connection, ReportQueries.NavigationKinds, window, 14, true));
        var byMonth = NavigationKind.ReadMonths(await ReportQueries.RunAsync(connection, ReportQueries.NavigationMonths, window, 14));

        events.Should().NotBeEmpty();
        if (area is null)
            events.Select(e => e.Counts).Should().Contain(c => c.Represented == 1).And.Contain(c => c.Incomplete == 1).And.Contain(c => c.NotRequested == 1)
                .And.Contain(c => c.Diverted == 0, "the whole sample has every kind of event");
        kinds.Should().Equal(NavigationEvent.Kinds(events));
        if (area is null)
        {
            kinds.Sum(k => k.Units).Should().BeLessThan(events.Count, "a patient with several events is one unit");
            kinds.Count.Should().BeLessThan((int)kinds.Sum(k => k.Units) / 2, "most patients of a practice share a kind");
        }
        byMonth.Should().Equal(events.GroupBy(e => e.Month).ToDictionary(g => g.Key, g => FollowUpCounts.Sum(g.Select(e => e.Counts))));
        byMonth.Should().HaveCount(months, "every month of the sample has care navigation");
    });

    /// <summary>Without every practice's patients (the benchmark), a practice version is one unit unless it is the
    /// only practice of its PCN in the window, whose patients that PCN's interval resamples.</summary>
    [Theory, MemberData(nameof(ReferenceQueries.SampleWindows), MemberType = typeof(ReferenceQueries))]
    public Task Without_practice_intervals_only_a_PCN_of_one_practice_keeps_its_patients(string engine, string period, int months, string? area) =>
        OnSampleAsync(engine, period, months, area, async (connection, window, events) =>
    {
        var alone = events.GroupBy(e => e.PcnCode).Where(g => g.Select(e => e.PracticeCode).Distinct().Count() == 1).Select(g => g.Key).ToHashSet();

        var kinds = NavigationKind.Read(await ReportQueries.RunAsync(connection, ReportQueries.NavigationKinds, window, 14, false));

        kinds.Should().Equal(NavigationEvent.Kinds(events, e => alone.Contains(e.PcnCode)));
        kinds.Should().Contain(k => !alone.Contains(k.PcnCode)).And.OnlyContain(k => alone.Contains(k.PcnCode) || k.Units == 1,
            "a practice among others of its PCN is one unit");
    });

    /// <summary>Runs a check on the sample warehouse of <paramref name="engine"/> with the window's events read by the
    /// reference query.</summary>
    private async Task OnSampleAsync(string engine, string period, int months, string? area,
        Func<System.Data.Common.DbConnection, ReportWindow, IReadOnlyList<NavigationEvent>, Task> check)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();
        var window = ReferenceQueries.Window(period, months, area);
        await check(connection, window, NavigationEvent.Read(await ReportQueries.RunTextAsync(connection, "reference navigation events", Reference, window, 14)));
    }
}
