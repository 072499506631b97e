namespace ImpactMeasure.Etl;

/// <summary>The cheap SQL check found a key loaded twice in one file: the load is retried, naming the lines.</summary>
public sealed class DuplicateKeysFoundException : Exception
{
    public DuplicateKeysFoundException()
    {
    }

    public DuplicateKeysFoundException(string message)
        : base(message)
    {
    }

    public DuplicateKeysFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
