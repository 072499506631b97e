using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

public class DimensionTests
{
    [Theory, EveryEngine]
    public async Task Dim_date_marks_bank_holidays_and_working_days(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();

        var holidays2022 = await connection.RowsAsync(
            "select date_key, bank_holiday_name from dim_date where year_number = 2022 and is_bank_holiday order by date_key");
        var may2020 = await connection.RowsAsync(
            "select date_key, is_working_day from dim_date where date_key in (20200504, 20200508) order by date_key");
        var workingDaysOct2025 = await connection.ScalarAsync<long>(
            "select count(*) from dim_date where month_start_key = 20251001 and is_working_day");
        var fy = await connection.RowsAsync(
            "select nhs_financial_year, nhs_quarter, iso_year, iso_week, day_of_week from dim_date where date_key = 20250331");

        holidays2022.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(20220103, 20220415, 20220418, 20220502, 20220602, 20220603, 20220829, 20220919, 20221226, 20221227);
        holidays2022.Should().Contain(r => (string)r[1]! == "State Funeral of Queen Elizabeth II");
        may2020.Select(r => (bool)r[1]!).Should().Equal(true, false);
        workingDaysOct2025.Should().Be(23);
        WarehouseSnapshot.Render(fy[0][0]).Should().Be("2024/25");
        fy[0].Skip(1).Select(WarehouseSnapshot.Render).Should().Equal("4", "2025", "14", "1");
    }

    [Theory, EveryEngine]
    public async Task Every_dimension_is_seeded_with_its_unknown_member_and_vocabulary(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using var warehouse = await test.OpenAsync();
        await using var connection = await warehouse.OpenConnectionAsync();

        async Task<long> Count(string sql) => await connection.ScalarAsync<long>(sql);

        (await Count("select count(*) from ref_gpad_vocabulary where attribute = 'national_category'")).Should().Be(19);
        (await Count("select count(*) from ref_gpad_vocabulary where attribute = 'time_between_book_and_appt'")).Should().Be(8);
        (await Count("select count(*) from dim_outcome where is_service_decision")).Should().Be(5);
        (await Count("select count(*) from dim_outcome where is_diverted")).Should().Be(2);
        (await Count("select count(*) from dim_patient_band")).Should().Be(108);
        (await Count("select count(*) from dim_instrument where instrument_key > 0")).Should().Be(6);
        (await Count("select count(*) from dim_role where role_code in ('care_navigator','social_prescribing_link_worker','gp','nurse','other','self')")).Should().Be(6);
        (await Count("select count(*) from ref_gpad_alias where alias = 'video/online' and label = 'Video Conference/Online'")).Should().Be(1);
        (await Count("select patient_band_key from dim_patient_band where age_band = 'Unknown' and sex = 'U' and deprivation_quintile = 'Unknown'")).Should().Be(0);
    }
}
