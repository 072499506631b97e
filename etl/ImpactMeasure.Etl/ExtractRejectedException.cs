namespace ImpactMeasure.Etl;

/// <summary>A whole file refused before anything of it is loaded: says which file, line and column, and what
/// was expected.</summary>
public sealed class ExtractRejectedException : Exception
{
    public ExtractRejectedException(string file, long line, string? column, string reason)
        : base($"{file}:{line}{(column is null ? "" : $" column {column}")}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public ExtractRejectedException()
    {
        File = Reason = "";
    }

    public ExtractRejectedException(string message)
        : base(message)
    {
        File = Reason = message;
    }

    public ExtractRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Reason = message;
    }

    public string File { get; }

    public long Line { get; }

    public string? Column { get; }

    public string Reason { get; }
}
