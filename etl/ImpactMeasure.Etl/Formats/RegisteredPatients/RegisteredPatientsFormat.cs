using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.RegisteredPatients;

/// <summary>ImpactMeasure's registered-patients extract: who is registered at each practice, from when to when, with
/// age band, sex and deprivation decile — the population the matched before/after model draws comparison patients
/// from. Patient ids or NHS numbers are pseudonymised as in every local extract.</summary>
public static class RegisteredPatientsFormat
{
    public const string DimensionScript = "Formats/RegisteredPatients/dim_registered_patient.sql";

    public static ExtractFormat Spec { get; } = new(FormatCatalog.RegisteredPatients, "ImpactMeasure registered patients",
        [Must("practice_code"), May("patient_id"), May("nhs_number"), Must("age_band"), Must("sex"), May("imd_decile"),
         Must("registration_start"), May("registration_end")])
    {
        IsLocal = true, LoadOrder = 1, OneOf = [["patient_id", "nhs_number"]], Loader = () => new RegisteredPatientsLoader(),
        Scripts = [DimensionScript],
    };
}
