using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ImpactMeasure.Testing;

/// <summary>One word of a rendered page and its box in points (pdftotext -bbox-layout).</summary>
public sealed record RenderedWord(double XMin, double YMin, double XMax, double YMax, string Text)
{
    public double Height => YMax - YMin;

    /// <summary>True when one word is drawn over the other. A box runs from the font's ascent to its descent, so the
    /// boxes of a wrapped cell's consecutive lines share a sliver (about a tenth of their height); more than a
    /// quarter is a collision.</summary>
    public bool Overlaps(RenderedWord other) =>
        Math.Min(XMax, other.XMax) - Math.Max(XMin, other.XMin) > 0.5
        && Math.Min(YMax, other.YMax) - Math.Max(YMin, other.YMin) > 0.25 * Math.Min(Height, other.Height);
}

/// <summary>A printed page: its words with their boxes, and its text in drawing order (a wrapped cell's lines together).</summary>
public sealed record RenderedPage(int Number, double Width, IReadOnlyList<RenderedWord> Words, string Text);

/// <summary>A workbook as its readers see it: converted to PDF by LibreOffice headless (its own profile, so tests may
/// run side by side) and read back with poppler's pdftotext. Needs <c>soffice</c> (libreoffice-calc-nogui) and
/// <c>pdftotext</c> (poppler-utils); fails with that message when they are missing, never skips.</summary>
public static partial class RenderedWorkbook
{
    /// <summary>Height of a word box of 11 pt text at 100%: about 14.3 pt, so 1 pt of type is 1.3 pt of box.</summary>
    public const double BoxPointsPerTypePoint = 14.3 / 11;

    public static IReadOnlyList<RenderedPage> Render(string workbookPath)
    {
        var folder = Directory.CreateTempSubdirectory("impact-render-").FullName;
        var profile = Path.Combine(folder, "profile");
        Run("soffice", $"-env:UserInstallation=file://{profile} --headless --convert-to pdf --outdir \"{folder}\" \"{workbookPath}\"", "libreoffice-calc-nogui");
        var pdf = Path.Combine(folder, Path.GetFileNameWithoutExtension(workbookPath) + ".pdf");
        if (!File.Exists(pdf))
            throw new InvalidOperationException($"LibreOffice wrote no PDF for {workbookPath}");
        Run("pdftotext", $"-bbox-layout \"{pdf}\" \"{folder}/boxes.html\"", "poppler-utils");
        Run("pdftotext", $"-raw \"{pdf}\" \"{folder}/raw.txt\"", "poppler-utils");
        var texts = File.ReadAllText(Path.Combine(folder, "raw.txt")).Split('\f');
        var pages = PageElement().Matches(File.ReadAllText(Path.Combine(folder, "boxes.html"))).Select((m, i) => new RenderedPage(i + 1,
            double.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture),
            WordElement().Matches(m.Groups["body"].Value).Select(w => new RenderedWord(Number(w, "x0"), Number(w, "y0"), Number(w, "x1"), Number(w, "y1"),
                System.Net.WebUtility.HtmlDecode(w.Groups["text"].Value))).ToList(),
            i < texts.Length ? texts[i] : "")).ToList();
        Directory.Delete(folder, recursive: true);
        return pages;
    }

    private static double Number(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void Run(string tool, string arguments, string package)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is needed to check the pack as rendered: apt-get install {package} ({e.Message})", e);
        }
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {arguments} took over 3 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {arguments} exited {process.ExitCode}: {error.Result}");
    }

    [GeneratedRegex("""<page width="(?<width>[\d.]+)" height="[\d.]+">(?<body>.*?)</page>""", RegexOptions.Singleline)]
    private static partial Regex PageElement();

    [GeneratedRegex("""<word xMin="(?<x0>[\d.]+)" yMin="(?<y0>[\d.]+)" xMax="(?<x1>[\d.]+)" yMax="(?<y1>[\d.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex WordElement();
}
