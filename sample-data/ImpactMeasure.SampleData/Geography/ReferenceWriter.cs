using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData.Geography;

/// <summary>Writes the reference data in the NHS layouts: the GPAD <c>Mapping.csv</c>, the monthly
/// registered-patients practice map (which shows the practice that moves PCN) and monthly list sizes.</summary>
public static class ReferenceWriter
{
    public static readonly string[] GpadMappingHeader =
    [
        "GP_CODE", "GP_NAME", "SUPPLIER", "PCN_CODE", "PCN_NAME", "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME",
        "ICB_CODE", "ICB_NAME", "REGION_CODE", "REGION_NAME",
    ];

    public static readonly string[] PracticeMapHeader =
    [
        "PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "PRACTICE_POSTCODE", "PCN_CODE", "PCN_NAME",
        "ONS_SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_NAME", "ONS_ICB_CODE", "ICB_CODE", "ICB_NAME",
        "ONS_COMM_REGION_CODE", "COMM_REGION_CODE", "COMM_REGION_NAME", "SUPPLIER_NAME",
    ];

    public static readonly string[] ListSizeHeader = ["PRACTICE_CODE", "EXTRACT_DATE", "NUMBER_OF_PATIENTS"];

    public static void WriteGpadMapping(CsvOut file, IEnumerable<Practice> practices)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var p in practices)
        {
            file.Write(p.Code, p.Name, p.Supplier, p.Pcn.Code, p.Pcn.Name, p.SubIcb.Code, p.SubIcb.Name,
                p.Icb.Code, p.Icb.Name, p.Region.Code, p.Region.Name);
        }
    }

    public static void WritePracticeMap(CsvOut file, IEnumerable<Practice> practices, DateOnly month, int monthIndex)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var p in practices)
        {
            var pcn = p.PcnIn(monthIndex);
            file.Write("GP_PRAC_PAT_LIST", NhsDates.Registration(month), p.Code, p.Name, p.Postcode, pcn.Code, pcn.Name,
                p.SubIcb.OnsCode, p.SubIcb.Code, p.SubIcb.Name, p.Icb.OnsCode, p.Icb.Code, p.Icb.Name,
                p.Region.OnsCode, p.Region.Code, p.Region.Name, p.Supplier);
        }
    }

    public static void WriteListSizes(CsvOut file, IEnumerable<Practice> practices, DateOnly month, int monthIndex)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var p in practices)
            file.Write(p.Code, NhsDates.Registration(month), NhsDates.Number(p.ListSizeIn(monthIndex)));
    }
}
