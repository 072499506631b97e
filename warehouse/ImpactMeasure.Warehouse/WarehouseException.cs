namespace ImpactMeasure.Warehouse;

/// <summary>A problem a user can fix: the message is one line saying what was wrong and what to do.</summary>
public sealed class WarehouseException : Exception
{
    public WarehouseException(string message)
        : base(message)
    {
    }

    public WarehouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WarehouseException()
    {
    }
}
