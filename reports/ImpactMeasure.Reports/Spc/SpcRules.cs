namespace ImpactMeasure.Reports.Spc;

/// <summary>The special-cause rules of METHODS §5 over whole series, as NHSRplotthedots applies them.</summary>
public static class SpcRules
{
    /// <summary>1 at the <paramref name="length"/>th and later consecutive point with the same non-zero sign.</summary>
    public static int[] RunOnOneSide(IReadOnlyList<int> relativeToMean, int length = 7)
    {
        ArgumentNullException.ThrowIfNull(relativeToMean);
        var flags = new int[relativeToMean.Count];
        var run = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            run = relativeToMean[i] != 0 && i > 0 && relativeToMean[i] == relativeToMean[i - 1] ? run + 1 : relativeToMean[i] != 0 ? 1 : 0;
            flags[i] = run >= length ? 1 : 0;
        }
        return flags;
    }

    /// <summary>A point belongs to a run or trend if it or any of the next length − 1 points is flagged.</summary>
    public static int[] PartOfRun(IReadOnlyList<int> flags, int length = 7)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return Enumerable.Range(0, flags.Count)
            .Select(i => Enumerable.Range(i, Math.Min(length, flags.Count - i)).Any(j => flags[j] != 0) ? 1 : 0)
            .ToArray();
    }

    /// <summary>+1/−1 at the <paramref name="length"/>th and later point of strictly rising/falling values.</summary>
    public static int[] Trend(IReadOnlyList<double> y, int length = 7)
    {
        ArgumentNullException.ThrowIfNull(y);
        var flags = new int[y.Count];
        var (rising, falling) = (0, 0);
        for (var i = 1; i < y.Count; i++)
        {
            rising = y[i] > y[i - 1] ? rising + 1 : 0;
            falling = y[i] < y[i - 1] ? falling + 1 : 0;
            flags[i] = rising >= length - 1 ? 1 : falling >= length - 1 ? -1 : 0;
        }
        return flags;
    }

    /// <summary>1 where the point lies in a window of three with at least two close to the limits, all on one side of the mean.</summary>
    public static int[] TwoInThree(IReadOnlyList<int> close, IReadOnlyList<int> relativeToMean)
    {
        ArgumentNullException.ThrowIfNull(close);
        ArgumentNullException.ThrowIfNull(relativeToMean);
        var flags = new int[close.Count];
        for (var start = 0; start + 2 < close.Count; start++)
        {
            var closeCount = close[start] + close[start + 1] + close[start + 2];
            var side = relativeToMean[start] + relativeToMean[start + 1] + relativeToMean[start + 2];
            if (closeCount >= 2 && Math.Abs(side) == 3)
                flags[start] = flags[start + 1] = flags[start + 2] = 1;
        }
        return flags;
    }

    /// <summary><see cref="TwoInThree"/> for points that are themselves close to the limits.</summary>
    public static int[] PartOfTwoInThree(IReadOnlyList<int> close, IReadOnlyList<int> relativeToMean)
    {
        var windows = TwoInThree(close, relativeToMean);
        return windows.Select((w, i) => w == 1 && close[i] == 1 ? 1 : 0).ToArray();
    }
}
