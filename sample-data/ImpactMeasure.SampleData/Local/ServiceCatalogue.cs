using ImpactMeasure.SampleData.Geography;

namespace ImpactMeasure.SampleData.Local;

/// <summary>The services care navigators signpost to in each ICB, and each PCN's social prescribing service.
/// The first ICB's MSK first-contact physiotherapy service is the planted overloaded service.</summary>
public sealed class ServiceCatalogue
{
    /// <summary>The planted capacity share of outcomes before the overload (after it: the options' rate).</summary>
    public const double CapacityBefore = 0.05;

    private static readonly (string Suffix, string Name, string Category, string Reason, double Weight, double[] Mix)[] Templates =
    [
        // weights:                                                                              acc   att   cap   inap  decl  dna   noresp
        ("CPCS", "Community Pharmacist Consultation Service", "community_pharmacy", "minor_illness", 0.33, [0.20, 0.55, 0.03, 0.05, 0.07, 0.03, 0.07]),
        ("MSKFCP", "MSK First Contact Physiotherapy", "physiotherapy_msk", "msk", 0.15, [0.45, 0.25, CapacityBefore, 0.06, 0.06, 0.05, 0.08]),
        ("TALK", "NHS Talking Therapies", "mental_health", "mental_wellbeing", 0.10, [0.40, 0.20, 0.10, 0.08, 0.10, 0.05, 0.07]),
        ("BEFR", "Age UK Befriending", "vcse_group", "loneliness", 0.05, [0.30, 0.35, 0.04, 0.03, 0.12, 0.04, 0.12]),
        ("CAB", "Citizens Advice Money Advice", "vcse_group", "debt_benefits", 0.04, [0.35, 0.30, 0.08, 0.05, 0.08, 0.04, 0.10]),
        ("SELF", "Self-care advice (NHS website)", "self_care", "minor_illness", 0.12, [0.70, 0.0, 0.0, 0.0, 0.20, 0.0, 0.10]),
        ("111", "NHS 111", "nhs_111", "minor_illness", 0.05, [0.20, 0.60, 0.0, 0.02, 0.08, 0.0, 0.10]),
        ("UTC", "Urgent Treatment Centre", "urgent_care", "minor_illness", 0.03, [0.15, 0.65, 0.02, 0.05, 0.06, 0.02, 0.05]),
        ("DENT", "Urgent Dental Care", "dental", "other", 0.04, [0.30, 0.25, 0.25, 0.04, 0.08, 0.03, 0.05]),
        ("MECS", "Minor Eye Conditions Service", "optometry", "other", 0.04, [0.20, 0.55, 0.05, 0.05, 0.07, 0.03, 0.05]),
        ("HOUS", "Council Housing Options", "local_authority", "housing", 0.05, [0.45, 0.15, 0.08, 0.07, 0.10, 0.03, 0.12]),
    ];

    private readonly Dictionary<string, List<(Service Service, double Weight)>> _byIcb = new(StringComparer.Ordinal);

    public ServiceCatalogue(SampleDataOptions options, IEnumerable<Practice> practices)
    {
        ArgumentNullException.ThrowIfNull(options);
        OverloadedFromMonth = Math.Max(1, options.Months * 5 / 8);
        foreach (var icb in practices.Select(p => p.Icb).DistinctBy(i => i.Code))
        {
            var services = Templates.Select(t => (new Service($"{icb.Code}-{t.Suffix}", t.Name, t.Category, t.Reason, t.Mix), t.Weight)).ToList();
            if (_byIcb.Count == 0)
            {
                var physio = services.FindIndex(s => s.Item1.Category == "physiotherapy_msk");
                var service = services[physio].Item1;
                Overloaded = service with { OverloadedFromMonth = OverloadedFromMonth, OverloadedMix = Outcomes.WithCapacity(service.Mix, options.OverloadCapacityRate) };
                services[physio] = (Overloaded, services[physio].Weight);
            }
            _byIcb[icb.Code] = services;
        }
    }

    /// <summary>The planted overloaded service.</summary>
    public Service Overloaded { get; } = null!;

    public int OverloadedFromMonth { get; }

    public IReadOnlyList<(Service Service, double Weight)> For(Area icb) => _byIcb[icb.Code];

    /// <summary>The social prescribing service of a PCN: referrals to its link workers.</summary>
    public static Service SocialPrescribing(Pcn pcn) =>
        new($"SPLW-{pcn.Code}", $"{pcn.Name} social prescribing service", "social_prescribing", "loneliness", []);
}
