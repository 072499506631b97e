using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Reports.Pack;

/// <summary>The "pack" section of impact.json: who publishes the pack, whom to contact, and the working day of the
/// month it is published on (the next update is that working day of the month after next, by dim_date).</summary>
public sealed record PackSettings
{
    public string Organisation { get; init; } = "ImpactMeasure";

    /// <summary>Name and e-mail or telephone readers should contact; the Cover says when none is configured.</summary>
    public string? Contact { get; init; }

    /// <summary>Working day of the month the pack is published on (match <c>serve.pack_working_day</c>).</summary>
    public int PublicationWorkingDay { get; init; } = 5;

    public static PackSettings Load(string? path) => Load(ImpactConfiguration.Load(path));

    public static PackSettings Load(ImpactConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration.Path;
        var settings = ConfigSection.Load<PackSettings>(configuration, "pack") ?? new PackSettings();
        if (settings.PublicationWorkingDay is < 1 or > 23)
            throw new InvalidDataException($"{path}: pack.publication_working_day is {settings.PublicationWorkingDay}: expected a working day of the month, 1 to 23");
        if (string.IsNullOrWhiteSpace(settings.Organisation))
            throw new InvalidDataException($"{path}: pack.organisation is empty: expected the publishing organisation's name");
        return settings;
    }
}
