using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl;

/// <summary>How the ETL behaves: the bad-row threshold, the as-of date for undated reference files, the key for
/// NHS numbers.</summary>
public sealed record EtlOptions
{
    /// <summary>A file whose bad rows exceed this share of its rows is rejected whole.</summary>
    public double MaxBadRowShare { get; init; } = 0.05;

    /// <summary>The date a GPAD Mapping.csv (which carries none) takes effect, else a YYYY-MM in its file name.</summary>
    public DateOnly? AsOf { get; init; }

    public Pseudonymiser? Pseudonymiser { get; init; }

    /// <summary>Why a configured key cannot be used, said when a file holds NHS numbers.</summary>
    public string? KeyProblem { get; init; }

    /// <summary>A supplier's own words for coded columns, mapped to ours as rows are read (impact.json "vocabulary").</summary>
    public Vocabulary.VocabularyMap Vocabulary { get; init; } = ImpactMeasure.Etl.Vocabulary.VocabularyMap.Empty;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Progress is reported (and cancellation checked) every this many rows.</summary>
    public int ProgressEveryRows { get; init; } = 250_000;
}
