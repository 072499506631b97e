namespace ImpactMeasure.Cli.Service;

/// <summary>The clock the jobs read "today" from (tests fix it). Registered as its own type: Quartz takes a
/// TimeProvider from the container for its own scheduling, which must stay real.</summary>
public sealed record ServiceClock(TimeProvider Time);
