using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The warehouse SQL the ETL runs after bulk-loading a batch (every script takes the batch id as $1).</summary>
public static class MartScripts
{
    public const string DimPractice = "sql/30_marts/dim_practice.sql";
    public const string DimPracticeCompleteInferred = "sql/30_marts/dim_practice_complete_inferred.sql";
    public const string DimPracticeInferredIcb = "sql/30_marts/dim_practice_inferred_icb.sql";
    public const string FctListSize = "sql/30_marts/fct_list_size.sql";
    public const string DimService = "sql/30_marts/dim_service.sql";
    public const string FctSignpost = "sql/30_marts/fct_signpost.sql";
    public const string FctWellbeing = "sql/30_marts/fct_wellbeing.sql";
    public const string FctPatientAppointment = "sql/30_marts/fct_patient_appointment.sql";
    public const string SupersedeBatches = "sql/etl/supersede_batches.sql";
    public const string ClearLanding = "sql/etl/clear_landing.sql";
    public const string RepairUnfinished = "sql/etl/repair_unfinished.sql";
    public const string SupersedePracticeMonths = "sql/etl/supersede_practice_months.sql";
    public const string SupersedeSubIcbMonths = "sql/etl/supersede_subicb_months.sql";
    public const string PartlySuperseded = "sql/etl/partly_superseded.sql";
    public const string BatchPeriodLoaded = "sql/etl/batch_period_loaded.sql";
    public const string BatchNextId = "sql/etl/batch_next_id.sql";
    public const string BatchStart = "sql/etl/batch_start.sql";
    public const string BatchFinish = "sql/etl/batch_finish.sql";
    public const string BatchReject = "sql/etl/batch_reject.sql";
    public const string BatchLoadedWithSize = "sql/etl/batch_loaded_with_size.sql";
    public const string BatchLoadedWithSha = "sql/etl/batch_loaded_with_sha.sql";
    public const string BatchScopeLoaded = "sql/etl/batch_scope_loaded.sql";
    public const string BatchVocabularyUse = "sql/etl/batch_vocabulary_use.sql";

    public static IReadOnlyList<string> All { get; } =
    [
        DimPractice, DimPracticeCompleteInferred, DimPracticeInferredIcb, FctListSize, DimService, FctSignpost, FctWellbeing, FctPatientAppointment, SupersedeBatches, ClearLanding, RepairUnfinished, SupersedePracticeMonths, SupersedeSubIcbMonths, PartlySuperseded, BatchPeriodLoaded,
        BatchNextId, BatchStart, BatchFinish, BatchReject, BatchLoadedWithSize, BatchLoadedWithSha, BatchScopeLoaded, BatchVocabularyUse,
    ];

    public static string Read(string path) => SqlScripts.Warehouse.Read(path);

    /// <summary>A one-statement script as a command text.</summary>
    public static string Statement(string path) => SqlStatements.AsSubquery(Read(path));
}
