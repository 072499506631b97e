namespace ImpactMeasure.Etl.Loading;

/// <summary>Loads one format's rows inside the file's transaction: validates each row (quarantining the bad),
/// bulk-writes the good ones and runs the format's mart SQL.</summary>
public interface IFormatLoader
{
    Task LoadAsync(LoadContext context);

    /// <summary>Whether a re-issue of the same period and practice (or sub-ICB) set supersedes an earlier batch.</summary>
    bool Supersedes { get; }

    /// <summary>How the format supersedes at the data's own grain rather than by file scope, or null: the practice
    /// crosstab replaces each practice × month it holds.</summary>
    GrainSupersession? Grain => null;

    /// <summary>True for loaders that only stream rows into a fact (the big GPAD files): the engine's memory is
    /// capped for them; loaders that run mart SQL get room for it.</summary>
    bool StreamsOnly => false;
}
