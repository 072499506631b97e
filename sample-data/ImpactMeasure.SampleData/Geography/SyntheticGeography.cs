using System.Globalization;

namespace ImpactMeasure.SampleData.Geography;

/// <summary>Builds the synthetic region → ICB → sub-ICB → PCN → practice tree with valid ODS-format codes.
/// Two practices per ICB sit in PCN <c>U</c> (UNALLOCATED); exactly one practice moves PCN half-way.</summary>
public sealed class SyntheticGeography
{
    private static readonly string[] Places =
    [
        "Ashby", "Brackenfield", "Castleton", "Dunmore", "Eastwick", "Fernhill", "Greystone", "Harwood", "Ingleby",
        "Kirkdale", "Larchmont", "Millbrook", "Northwood", "Oakham Vale", "Pendle Cross", "Queensbury", "Rowan Bank",
        "Saltmarsh", "Thornby", "Upperton", "Valley Road", "Westgate", "Yarrowfield", "Alder Lane", "Beckside",
        "Cliffe", "Dovecote", "Elmstead", "Foxhollow", "Glenmoor", "Holme", "Kestrel", "Linthorpe", "Marsden",
    ];

    private static readonly string[] Suffixes = ["Medical Centre", "Surgery", "Health Centre", "Medical Practice", "Family Practice"];
    private static readonly string[] Partners = ["Patel", "Okafor", "Smith", "Nguyen", "Hughes", "Khan", "Murray", "Evans"];
    private static readonly string[] SubIcbLetters = ["A", "B", "C", "D", "E", "F", "G", "H"];

    public SyntheticGeography(IReadOnlyList<Practice> practices, Practice? mover)
    {
        Practices = practices;
        Mover = mover;
    }

    public IReadOnlyList<Practice> Practices { get; }

    /// <summary>The practice that moves PCN part-way through, when the set has two PCNs in a sub-ICB.</summary>
    public Practice? Mover { get; }

    public static SyntheticGeography Build(SampleDataOptions options)
    {
        var random = new SeededRandom(options.Seed, "geography");
        var region = new Area("Y63", "North East and Yorkshire", "E40000012");
        var practices = new List<Practice>();
        var perIcb = Split(options.Practices, options.Icbs);
        for (var i = 0; i < options.Icbs; i++)
            practices.AddRange(BuildIcb(options, random, region, i, perIcb[i], practices.Count));
        // The mover joins another PCN of its sub-ICB; a set too small to have one has no mover.
        var mover = practices.FirstOrDefault(p => !p.Pcn.IsUnallocated && practices.Any(q => q.Pcn.SubIcb == p.Pcn.SubIcb && q.Pcn != p.Pcn && !q.Pcn.IsUnallocated));
        if (mover is null || options.Months < 2)
            return new SyntheticGeography(practices, null);
        var target = practices.First(q => q.Pcn.SubIcb == mover.Pcn.SubIcb && q.Pcn != mover.Pcn && !q.Pcn.IsUnallocated).Pcn;
        var moved = mover with { Move = (target, options.Months / 2) };
        practices[practices.IndexOf(mover)] = moved;
        return new SyntheticGeography(practices, moved);
    }

    private static IEnumerable<Practice> BuildIcb(SampleDataOptions options, SeededRandom random, Area region, int icbIndex, int count, int offset)
    {
        var icbCode = $"Q{(char)('X' + (icbIndex / 26 % 3))}{(char)('A' + (icbIndex % 26))}";
        var place = Places[icbIndex % Places.Length];
        var icb = new Area(icbCode, $"NHS {place} and District Integrated Care Board", $"E54{900 + icbIndex:000000}");
        var subIcbs = Enumerable.Range(0, options.SubIcbsPerIcb).Select(s =>
        {
            var code = $"{(90 + icbIndex) % 100:00}{SubIcbLetters[s % SubIcbLetters.Length]}";
            return new Area(code, $"NHS {place} and District ICB - {code}", $"E38{900 + (icbIndex * 10) + s:000000}");
        }).ToList();
        var pcns = new List<Pcn>();
        for (var n = 0; n < count; n++)
        {
            var number = offset + n;
            var subIcb = subIcbs[n * subIcbs.Count / count];
            // Two practices per ICB are in no PCN (PCN code U), as in the published mapping.
            var pcn = n >= count - 2 ? Pcn.Unallocated : PcnFor(options, random, pcns, subIcb, icbIndex);
            var hasNavigation = random.Chance(0.8);
            yield return new Practice(
                Code: $"X{90001 + number:00000}"[..6],
                Name: NameFor(random, number),
                Postcode: $"ZZ{1 + (number % 9)} {1 + (number % 9)}{(char)('A' + (number % 26))}{(char)('A' + (number * 7 % 26))}",
                Supplier: random.Chance(0.55) ? "EMIS" : "TPP",
                Region: region,
                Icb: icb,
                SubIcb: subIcb,
                Pcn: pcn,
                ListSizeAtStart: (int)Math.Clamp(Math.Exp(random.Normal(Math.Log(9500), 0.45)), 2500, 32000),
                DeprivationDecile: random.Between(1, 11),
                CareNavigationStartMonth: hasNavigation ? random.Between(0, Math.Max(1, options.Months * 2 / 3)) : null);
        }
    }

    // About five practices a PCN; a PCN's link worker starts in a staggered month, a quarter of PCNs never.
    private static Pcn PcnFor(SampleDataOptions options, SeededRandom random, List<Pcn> pcns, Area subIcb, int icbIndex)
    {
        var current = pcns.LastOrDefault(p => p.SubIcb == subIcb);
        if (current is not null && random.Chance(0.8))
            return current;
        var number = 10001 + (icbIndex * 100) + pcns.Count;
        int? start = random.Chance(0.75) ? random.Between(Math.Min(3, options.Months - 1), Math.Max(4, options.Months * 3 / 4)) : null;
        var pcn = new Pcn($"U{number:00000}", $"{Places[(pcns.Count + 5 + icbIndex) % Places.Length].ToUpperInvariant()} PCN", subIcb, start);
        pcns.Add(pcn);
        return pcn;
    }

    private static string NameFor(SeededRandom random, int number)
    {
        if (number % 7 == 3)
        {
            // Some practices carry partners' names: commas that the CSV must quote.
            var a = random.Pick(Partners);
            var b = random.Pick(Partners.Where(p => p != a).ToList());
            return string.Create(CultureInfo.InvariantCulture, $"DRS {a}, {b} AND PARTNERS").ToUpperInvariant();
        }
        return $"{Places[number % Places.Length]} {random.Pick(Suffixes)}".ToUpperInvariant();
    }

    private static int[] Split(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => (total / parts) + (i < total % parts ? 1 : 0)).ToArray();
}
