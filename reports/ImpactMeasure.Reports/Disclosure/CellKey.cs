namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The address of one count in a release: a measure and where it sits in each dimension. Two tables that
/// publish the same count publish the same key, so they share its disclosure status.</summary>
/// <param name="Measure">e.g. <c>outcome.rejected_capacity</c>.</param>
/// <param name="Geo"><c>all</c>, <c>pcn:CODE</c>, <c>practice:CODE</c> or <c>icb:CODE</c> (a PCN pack's comparator).</param>
/// <param name="Service"><c>all</c> or a service code.</param>
/// <param name="Month">a month <c>YYYY-MM</c> or a window <c>YYYY-MM..YYYY-MM</c> (see <see cref="ReportWindow.Key"/>).</param>
/// <param name="Role"><c>all</c> or the role of the person who signposted or took the referral.</param>
/// <param name="Referrer"><c>all</c> or the referrer role.</param>
/// <param name="Group"><c>all</c> or another grouping (a wellbeing instrument).</param>
public readonly record struct CellKey(string Measure, string Geo, string Service, string Month, string Role, string Referrer, string Group)
{
    public const string All = "all";

    /// <summary>The geography of a comparator ICB's counts in a PCN pack (<c>icb:CODE</c>).</summary>
    public const string IcbPrefix = "icb:";

    public static CellKey Total(string measure, string month) => new(measure, All, All, month, All, All, All);

    /// <summary>The geography coordinate of a row broken down by <c>all</c>, <c>pcn</c> or <c>practice</c>.</summary>
    public static string GeoOf(string breakdown, string code) => breakdown switch
    {
        "pcn" => "pcn:" + code,
        "practice" => "practice:" + code,
        _ => All,
    };

    public CellKey WithMeasure(string measure) => this with { Measure = measure };

    public override string ToString() => $"{Measure}[geo={Geo}, service={Service}, month={Month}, role={Role}, referrer={Referrer}, group={Group}]";
}
