using System.Globalization;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The sentences a load adds to its report about practices inferred or placed and vocabulary-map values used.</summary>
public static class LoadNotes
{
    // The supplier's values a vocabulary map coded (kept per value in etl_vocabulary_use).
    public static string? Vocabulary(LoadCounters counters, EtlOptions options)
    {
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(options);
        return counters.Mapped.Count == 0 ? null
            : $"mapped by {options.Vocabulary.Source}: " + string.Join(", ", counters.Mapped.GroupBy(m => m.Key.Column).Select(g =>
                $"{g.Key} " + string.Join(", ", g.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key.Value} → {m.Key.Code} ({m.Value:N0} rows)")))));
    }

    // Practices inferred from this file, or inferred earlier and completed by this map (stored with the batch).
    public static string? Practices(LoadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var notes = new List<string>();
        if (counters.PracticesInferred > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counters.PracticesInferred:N0} practices in no practice map were inferred from the file")
                + (counters.PracticesInferredCodeOnly == 0 ? " (name, PCN and sub-ICB as the file gives them)"
                    : string.Create(CultureInfo.InvariantCulture, $", {counters.PracticesInferredCodeOnly:N0} known only by code: their rows count as unplaced until a practice map names them")));
        }
        if (counters.PracticesPlaced > 0)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{counters.PracticesPlaced:N0} practices inferred from earlier extracts were completed by this map, with every row loaded for them"));
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }
}
