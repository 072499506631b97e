using System.Globalization;

namespace ImpactMeasure.Warehouse.Bulk;

/// <summary>Writes a boxed value through the typed calls of a bulk writer, by the column's type.</summary>
internal static class BulkValues
{
    public static void Write(IBulkWriter writer, BulkColumnType type, object? value)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }
        switch (type)
        {
            case BulkColumnType.Integer:
                writer.Write(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                break;
            case BulkColumnType.BigInt:
                writer.Write(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case BulkColumnType.Text:
                writer.Write((string)value);
                break;
            case BulkColumnType.Date:
                writer.Write((DateOnly?)(DateOnly)value);
                break;
            case BulkColumnType.Boolean:
                writer.Write((bool?)(bool)value);
                break;
            case BulkColumnType.Numeric:
                writer.Write((decimal?)Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a bulk-writable type");
        }
    }
}
