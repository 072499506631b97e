using ImpactMeasure.Etl.Parsing;
using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl.Loading;

/// <summary>Checks every local-format row shares: the patient's identity (a pseudonymised id, or an NHS number
/// pseudonymised here) and the practice code. NHS numbers where none belong are caught for every format by
/// <see cref="LoadContext.NextRow"/>.</summary>
public sealed class LocalRowChecks
{
    private readonly LoadContext _context;

    public LocalRowChecks(LoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>The pseudonymous patient id, or null (row quarantined).</summary>
    public string? PatientId()
    {
        if (_context.Map.Has("nhs_number") && !_context.Value("nhs_number").IsEmpty)
        {
            var raw = _context.Value("nhs_number");
            var nhs = NhsNumber.Normalise(raw);
            if (nhs is null)
            {
                _context.Reject("nhs_number", raw, "is not a valid NHS number (10 digits with a modulus-11 check digit)");
                return null;
            }
            return _context.Options.Pseudonymiser!.PseudoIdOf(nhs);
        }
        var id = _context.Value("patient_id");
        if (id.IsEmpty || id.Length > 128)
        {
            _context.Reject("patient_id", id, id.IsEmpty ? "is empty: give patient_id or nhs_number" : "is longer than 128 characters");
            return null;
        }
        return id.ToString();
    }

    /// <summary>The practice code, or null (row quarantined) when it is not an ODS practice code.</summary>
    public string? PracticeCode()
    {
        var code = _context.Value("practice_code");
        if (OdsCodes.IsPracticeCode(code))
            return code.ToString();
        _context.Reject("practice_code", code, "is not an ODS practice code (a capital letter and five digits)");
        return null;
    }

    /// <summary>A value from a fixed list (blank allowed when <paramref name="optional"/>), else null (quarantined).</summary>
    public bool OneOf(string column, IReadOnlyCollection<string> allowed, bool optional, out string? value)
    {
        var raw = _context.Value(column);
        value = null;
        if (raw.IsEmpty && optional)
            return true;
        var text = raw.ToString().ToLowerInvariant();
        if (allowed.Contains(text))
        {
            value = text;
            return true;
        }
        var map = _context.Options.Vocabulary;
        if (!raw.IsEmpty && map.TryMap(column, text, out var code))
        {
            value = code;
            _context.Counters.SeeMapped(column, raw.ToString(), code);
            return true;
        }
        _context.Reject(column, raw, raw.IsEmpty ? $"is empty: expected one of {string.Join(", ", allowed)}"
            : $"is not one of {string.Join(", ", allowed)}; if it is a supplier's word for one of them (nearest: {(Vocabulary.LocalVocabulary.Nearest(column, text, 1) is [var nearest] ? nearest : "none")}), "
              + $"map it under \"vocabulary\": {{\"{column}\": ...}} in impact.json ({map.Source}; impact vocab suggest FILE writes a starter map)");
        return false;
    }

    /// <summary>A date (blank allowed when <paramref name="optional"/>), else false (quarantined).</summary>
    public bool Date(DateCache dates, string column, bool optional, out DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var raw = _context.Value(column);
        value = null;
        if (raw.IsEmpty && optional)
            return true;
        if (dates.TryParse(raw, out var date, out var problem))
        {
            value = date;
            return true;
        }
        _context.Reject(column, raw, raw.IsEmpty ? "is empty: a date is required" : problem!);
        return false;
    }

    /// <summary>A deprivation decile 1–10 (blank allowed), else false (quarantined).</summary>
    public bool Decile(out int? decile)
    {
        var raw = _context.Value("imd_decile");
        decile = null;
        if (raw.IsEmpty)
            return true;
        if (int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 10)
        {
            decile = value;
            return true;
        }
        _context.Reject("imd_decile", raw, "is not a deprivation decile from 1 to 10");
        return false;
    }
}
