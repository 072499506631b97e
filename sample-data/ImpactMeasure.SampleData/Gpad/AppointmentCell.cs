namespace ImpactMeasure.SampleData.Gpad;

/// <summary>One combination of GPAD appointment attributes with its share of a practice's activity.</summary>
public sealed record AppointmentCell(string HcpType, string Mode, string Category, string LeadTime, string Status, double Share)
{
    /// <summary>Every combination for each HCP type, weighted as the product of the published shares.</summary>
    public static IReadOnlyList<AppointmentCell> All { get; } = Build();

    private static List<AppointmentCell> Build() =>
        (from hcp in GpadVocabulary.HcpTypes
         from mode in GpadVocabulary.ModesFor(hcp.Value)
         from category in GpadVocabulary.CategoriesFor(hcp.Value)
         from lead in GpadVocabulary.LeadTimesFor(hcp.Value)
         from status in GpadVocabulary.Statuses
         select new AppointmentCell(hcp.Value, mode.Value, category.Value, lead.Value, status.Value,
             hcp.Share * mode.Share * category.Share * lead.Share * status.Share)).ToList();
}
