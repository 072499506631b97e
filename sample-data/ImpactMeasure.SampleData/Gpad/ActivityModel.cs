using ImpactMeasure.SampleData.Geography;

namespace ImpactMeasure.SampleData.Gpad;

/// <summary>How many appointments a practice has in a month: about 4.8 per registered patient a year,
/// a winter peak and a summer dip, scaled by working days; GP appointments step down by the planted
/// share once the practice's link worker starts.</summary>
public sealed class ActivityModel
{
    public const double AppointmentsPerPatientPerYear = 4.8;

    /// <summary>The planted relative fall in GP appointments after a link worker starts.</summary>
    public const double GpStepChangeRelative = -0.05;

    private static readonly double[] Seasonality = [1.10, 1.02, 1.03, 0.97, 1.00, 0.96, 0.93, 0.88, 1.00, 1.06, 1.06, 0.99];

    /// <summary>Expected appointments of every type in a practice-month.</summary>
    public static double ExpectedTotal(Practice practice, DateOnly month, int monthIndex) =>
        practice.ListSizeIn(monthIndex) * AppointmentsPerPatientPerYear / 12
        * Seasonality[month.Month - 1] * SampleData.WorkingDays.In(month).Count() / 21.0;

    /// <summary>The factor applied to GP cells: 1, or 1 + the planted effect after the link worker starts (the step,
    /// or with <see cref="SampleDataOptions.EffectGrowth"/> one that grows and differs by cohort).</summary>
    public static double GpFactor(Practice practice, int monthIndex, SampleDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(options);
        if (!practice.HasLinkWorkerIn(monthIndex))
            return 1;
        if (options.EffectGrowth == 0)
            return 1 + GpStepChangeRelative;
        var start = practice.LinkWorkerStartMonth!.Value;
        var cohort = start < options.Months / 2 ? 1.5 : 0.5;
        return 1 + Math.Max(-0.5, GpStepChangeRelative * (1 + (options.EffectGrowth * (monthIndex - start))) * cohort);
    }

}
