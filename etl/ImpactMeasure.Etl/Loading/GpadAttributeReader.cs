using ImpactMeasure.Etl.Parsing;

namespace ImpactMeasure.Etl.Loading;

/// <summary>Reads a row's GPAD attribute values into vocabulary ordinals (see <see cref="AppointmentProfiles"/>);
/// attributes the format lacks are "All"; a value outside the vocabulary quarantines the row.</summary>
public sealed class GpadAttributeReader
{
    private readonly (string Attribute, int Column, AttributeVocabulary Vocabulary)[] _present;
    private readonly int[] _slots;

    public GpadAttributeReader(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var present = GpadVocabulary.Attributes
            .Select((a, slot) => (Attribute: a, Slot: slot, Column: context.Map[a]))
            .Where(a => a.Column >= 0)
            .ToList();
        _present = present.Select(a => (a.Attribute, a.Column, context.Vocabulary[a.Attribute])).ToArray();
        _slots = present.Select(a => a.Slot).ToArray();
    }

    /// <summary>Fills <paramref name="ordinals"/> (one per <see cref="GpadVocabulary.Attributes"/>); false when a
    /// value is not in the vocabulary (the row is then quarantined).</summary>
    public bool TryRead(LoadContext context, Span<int> ordinals)
    {
        ArgumentNullException.ThrowIfNull(context);
        ordinals.Clear();
        for (var i = 0; i < _present.Length; i++)
        {
            var (attribute, column, vocabulary) = _present[i];
            var raw = context.Rows[column];
            var ordinal = vocabulary.Match(raw);
            if (ordinal < 0)
            {
                context.Reject(attribute, raw.Trim(), $"is not one of {vocabulary.Expected}");
                return false;
            }
            ordinals[_slots[i]] = ordinal;
        }
        return true;
    }
}
