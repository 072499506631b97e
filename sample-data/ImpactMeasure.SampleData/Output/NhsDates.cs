using System.Globalization;

namespace ImpactMeasure.SampleData.Output;

/// <summary>Dates spelled as the NHS publications spell them.</summary>
public static class NhsDates
{
    /// <summary><c>01OCT2025</c>: GPAD files.</summary>
    public static string Gpad(DateOnly date) => date.ToString("ddMMMyyyy", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary><c>01Oct2025</c>: the registered-patients practice map.</summary>
    public static string Registration(DateOnly date) => date.ToString("ddMMMyyyy", CultureInfo.InvariantCulture);

    /// <summary><c>2025-10-01</c>: ImpactMeasure's local formats.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>2025-10</c>: file names.</summary>
    public static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
