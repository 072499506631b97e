using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>Writes a release as its CSV files (shared, and the same unsuppressed), runs the attacker on the shared
/// files and checks every [c] against its true value.</summary>
internal static class ReleaseAttack
{
    public sealed record Outcome(int Hidden, IReadOnlyList<string> Narrowed, IReadOnlyList<string> Inconsistent);

    public static Outcome Run(IReadOnlyList<IMetricTable> shared, IReadOnlyList<IMetricTable> unsuppressed, ReportWindow window, MethodParameters parameters,
        IEnumerable<(string Practice, string Pcn)> members, int threshold)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-attack-{Guid.NewGuid():N}");
        try
        {
            var single = window.FirstMonth == window.LastMonth ? window.LastMonth : (DateOnly?)null;
            var memberList = members.ToList();
            var attacker = new ReleaseAttacker(memberList, single, parameters.SuppressionRounding);
            attacker.ReadFolder(Write(Path.Combine(folder, "shared"), shared, window, parameters));
            var truth = new ReleaseAttacker(memberList, single);
            truth.ReadFolder(Write(Path.Combine(folder, "internal"), unsuppressed, window, parameters));
            var ranges = attacker.Ranges();
            var narrowed = new List<string>();
            var inconsistent = new List<string>();
            foreach (var (address, (min, max)) in ranges)
            {
                var value = truth.Cells[address] ?? throw new InvalidOperationException($"{address} has no true value");
                if (value < min - 1e-6 || value > max + 1e-6)
                    inconsistent.Add($"{address} = {value} outside {min}..{max}: the attacker assumed a relation that does not hold");
                var possible = double.IsPositiveInfinity(max) ? long.MaxValue : (long)Math.Floor(max + 1e-6) - (long)Math.Ceiling(min - 1e-6) + 1;
                if (possible < threshold)
                    narrowed.Add($"{address} = {value}: narrowed to {min:0.##}..{max:0.##}");
            }
            return new Outcome(ranges.Count, narrowed, inconsistent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Write(string folder, IReadOnlyList<IMetricTable> tables, ReportWindow window, MethodParameters parameters)
    {
        foreach (var table in tables)
            CsvReportWriter.Write(folder, table, window, parameters, table.Disclosure);
        return folder;
    }
}
