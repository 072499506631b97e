using System.Globalization;

namespace ImpactMeasure.Reports.Disclosure;

/// <summary>A release's counts and PCN memberships as a tab-separated file, so disclosure control can be timed and
/// tuned on a national release without recomputing it (<c>impact bench disclosure --release FILE</c>). It holds
/// unsuppressed counts: internal use only, like <c>--no-suppression</c>.</summary>
public static class ReleaseFile
{
    public static void Save(Release release, string path)
    {
        ArgumentNullException.ThrowIfNull(release);
        using var writer = new StreamWriter(path);
        writer.WriteLine($"window\t{release.WindowKey}");
        foreach (var (practice, pcn) in release.Members)
            writer.WriteLine($"member\t{practice}\t{pcn}");
        for (var i = 0; i < release.Keys.Count; i++)
        {
            var k = release.Keys[i];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"count\t{k.Measure}\t{k.Geo}\t{k.Service}\t{k.Month}\t{k.Role}\t{k.Referrer}\t{k.Group}\t{release.Values[i]}"));
        }
    }

    public static Release Load(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine()?.Split('\t');
        if (first is not ["window", var window])
            throw new InvalidDataException($"{path}:1: expected 'window<TAB>key' (a file written by --release)");
        var release = new Release(window);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            switch (text.Split('\t'))
            {
                case ["member", var practice, var pcn]:
                    release.Member(practice, pcn);
                    break;
                case ["count", var measure, var geo, var service, var month, var role, var referrer, var group, var value]:
                    release.Register(new CellKey(measure, geo, service, month, role, referrer, group), long.Parse(value, CultureInfo.InvariantCulture), path);
                    break;
                default:
                    throw new InvalidDataException($"{path}:{line}: expected a member or count line");
            }
        }
        return release;
    }
}
