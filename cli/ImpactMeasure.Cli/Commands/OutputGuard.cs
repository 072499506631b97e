namespace ImpactMeasure.Cli.Commands;

/// <summary>Reports never replace earlier output silently: a command refuses an existing file or a folder that
/// already holds report files unless told <c>--force</c>; the unattended job writes beside it in a new dated name.</summary>
public static class OutputGuard
{
    /// <summary>The files a write to <paramref name="path"/> (a file, or a folder of CSVs) would replace.</summary>
    public static IReadOnlyList<string> WouldReplace(string path, bool isFolder)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!isFolder)
            return File.Exists(path) ? [path] : [];
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Exit 2 naming what would be replaced, or null when nothing would be (or <paramref name="force"/>).</summary>
    public static int? Refuse(string path, bool isFolder, bool force, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var existing = WouldReplace(path, isFolder);
        if (force || existing.Count == 0)
            return null;
        var named = string.Join(", ", existing.Take(3).Select(Path.GetFileName)) + (existing.Count > 3 ? $" and {existing.Count - 3} more" : "");
        return output.Usage($"{Path.GetFullPath(path)} already holds {(isFolder ? "report files" : "a report")} ({named}): "
            + "pass --force to replace, or --out a new " + (isFolder ? "folder" : "file"));
    }

    /// <summary><paramref name="path"/> itself when free, else the same name with the run's date and time added
    /// (<c>pack (run 2025-10-08 0930).xlsx</c>), so a rerun sits beside the first.</summary>
    public static string Fresh(string path, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) && !Directory.Exists(path))
            return path;
        var stamp = now.ToString("yyyy-MM-dd HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var candidate = Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)} (run {stamp}){Path.GetExtension(path)}");
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
            candidate = Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)} (run {stamp}, {n}){Path.GetExtension(path)}");
        return candidate;
    }
}
