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

    /// <summary>Lines the text wraps to in a column <paramref name="width"/> units wide (word wrap, as Calc does).</summary>
    public static int Lines(string text, double width, double points = 11, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var room = Math.Max(1, (width - 1.5) / CharWidth(points, bold));
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var needed = used == 0 ? word.Length : used + 1 + word.Length;
                if (needed <= room)
                {
                    used = needed;
                    continue;
                }
                if (used > 0)
                    lines++;
                // A word longer than the line breaks across lines.
                lines += (int)Math.Ceiling(word.Length / room) - 1;
                used = word.Length % room == 0 ? room : word.Length % room;
            }
        }
        return Math.Max(1, lines);
    }

    /// <summary>Row height in points for text of <paramref name="points"/> wrapped to <paramref name="lines"/>.</summary>
    public static double Height(int lines, double points = 11) => lines * LinePoints * points / 11 + 2;

    /// <summary>Width units the text needs on one line.</summary>
    public static double Width(string text, double points = 11, bool bold = false) => (text ?? "").Length * CharWidth(points, bold) + 1.5;

    /// <summary>Width units of the longest word: a column narrower than this breaks words.</summary>
    public static double LongestWord(string text, bool bold = false) =>
        (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Width(w, 11, bold)).DefaultIfEmpty(0).Max();
}
