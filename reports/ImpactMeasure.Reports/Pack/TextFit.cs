namespace ImpactMeasure.Reports.Pack;

/// <summary>How much room text takes when printed, in Excel column-width units (the width of a "0" in 11 pt
/// Calibri). Neither Excel nor LibreOffice grows a row for wrapped text written by a library, so the pack sets
/// every wrapped row's height from these estimates; the render tests check them against LibreOffice's PDF.</summary>
public static class TextFit
{
    /// <summary>Points of row height per line of 11 pt text.</summary>
    public const double LinePoints = 15;

    /// <summary>Width units one character takes at <paramref name="points"/> (bold a little wider). Generous on
    /// purpose: a line that wraps one word early costs a little space, one that wraps late is cut off.</summary>
    public static double CharWidth(double points = 11, bool bold = false) => points / 11 * (bold ? 0.95 : 0.86);

    /// <summary>Width units of one character: a capital takes about 1.4 times a lower-case letter (Carlito's capitals
    /// average 0.6 em, its lower case 0.45), so a name in capitals, as NHS organisation names are, is not cut off.</summary>
    public static double CharWidth(char c, double points = 11, bool bold = false) => CharWidth(points, bold) * (char.IsUpper(c) ? CapitalFactor : 1);

    private const double CapitalFactor = 1.4;

    /// <summary>Lines the text wraps to in a column <paramref name="width"/> units wide (word wrap, as Calc does).</summary>
    public static int Lines(string text, double width, double points = 11, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var room = Math.Max(CharWidth('M', points, bold), width - 1.5);
        var space = CharWidth(points, bold);
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wide = Units(word, points, bold);
                var needed = used == 0 ? wide : used + space + wide;
                if (needed <= room)
                {
                    used = needed;
                    continue;
                }
                if (used > 0)
                    lines++;
                // A word longer than the line breaks across lines.
                lines += (int)Math.Ceiling(wide / room) - 1;
                used = wide % room == 0 ? room : wide % room;
            }
        }
        return Math.Max(1, lines);
    }

    /// <summary>Row height in points for text of <paramref name="points"/> wrapped to <paramref name="lines"/>.</summary>
    public static double Height(int lines, double points = 11) => lines * LinePoints * points / 11 + 2;

    /// <summary>Width units the text needs on one line.</summary>
    public static double Width(string text, double points = 11, bool bold = false) => Units(text ?? "", points, bold) + 1.5;

    private static double Units(string text, double points, bool bold)
    {
        var units = 0.0;
        foreach (var c in text)
            units += CharWidth(c, points, bold);
        return units;
    }

    /// <summary>Width units of the longest word: a column narrower than this breaks words.</summary>
    public static double LongestWord(string text, bool bold = false) =>
        (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Width(w, 11, bold)).DefaultIfEmpty(0).Max();
}
