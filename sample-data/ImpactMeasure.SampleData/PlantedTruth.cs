namespace ImpactMeasure.SampleData;

/// <summary>Every planted value of a generated set, written as <c>truth.json</c> beside the files so tests
/// can check that the reports recover them. "planted" = the parameter; "realised" = what the draw gave.</summary>
public sealed record PlantedTruth(
    GeneratorSettings Generator,
    SortedDictionary<string, FileCount> Files,
    GeographyTruth Geography,
    AppointmentTruth Appointments,
    OverloadedServiceTruth OverloadedService,
    SortedDictionary<string, RateTruth> InappropriateReferralRateByReferrerRole,
    RepresentationTruth Representation,
    WellbeingTruth Wellbeing,
    GpUseTruth SocialPrescribingGpUse,
    InappropriatePcnTruth? HighInappropriateReferralPcn);

public sealed record GeneratorSettings(int Seed, int Icbs, int Practices, int Months, string FirstMonth, string LastMonth, int CrosstabCellsPerPractice);

public sealed record FileCount(int Files, long Rows);

public sealed record PracticeMove(string PracticeCode, string FromPcn, string ToPcn, string FromMonth);

public sealed record GeographyTruth(
    PracticeMove? PracticeMovingPcn,
    IReadOnlyList<string> UnallocatedPractices,
    SortedDictionary<string, string?> PcnLinkWorkerStart,
    SortedDictionary<string, string?> PracticeCareNavigationStart);

public sealed record AppointmentTruth(
    double AppointmentsPerPatientPerYear,
    double GpStepChangeRelative,
    double EffectGrowthPerMonth,
    double PlantedAttLog,
    double GpAppointmentsPerThousandPatientsBeforeLinkWorker,
    double GpStepChangePerThousandPatientsPerMonth,
    long TotalPracticeLevelAppointments);

public sealed record OverloadedServiceTruth(
    string ServiceCode,
    string ServiceName,
    string FromMonth,
    double CapacityRejectionRateBefore,
    double CapacityRejectionRateAfter);

/// <summary>The PCN planted with a high inappropriate-referral rate: its rate against the other PCNs' (planted and
/// realised, of referrals with a service decision), for benchmarking's funnels to find.</summary>
public sealed record InappropriatePcnTruth(string PcnCode, double PlantedRate, double OtherPcnsPlantedRate, RateTruth Pcn, RateTruth OtherPcns);

public sealed record RateTruth(double Planted, long Numerator, long Denominator, double Realised);

public sealed record RepresentationTruth(int WindowDays, double PlantedRate, long DivertedEvents, long Represented, double RealisedRate);

public sealed record WellbeingChange(double PlantedMeanChange, double RealisedMeanChange, int Pairs);

public sealed record WellbeingTruth(double FollowUpRate, string SwemwbsScale, SortedDictionary<string, WellbeingChange> ByInstrument);

public sealed record GpUseTruth(int WindowMonths, double GpRatePerMonthBefore, double GpRatePerMonthAfter, double ComparisonGpRatePerMonth, double PlantedDidPerPerson,
    double GpDnaShare, double PlantedDidAttendedPerPerson);
