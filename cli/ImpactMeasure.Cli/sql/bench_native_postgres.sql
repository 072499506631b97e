-- bench_native_postgres: the table PostgreSQL's COPY loads the raw crosstab into, as psql \copy would
-- grain: one row per CSV row; inputs: none (the rows arrive by COPY … FROM STDIN)
create table bench_raw (
    appointment_month_start_date varchar,
    gp_code varchar,
    gp_name varchar,
    supplier varchar,
    pcn_code varchar,
    pcn_name varchar,
    sub_icb_location_code varchar,
    sub_icb_location_name varchar,
    hcp_type varchar,
    appt_mode varchar,
    national_category varchar,
    time_between_book_and_appt varchar,
    count_of_appointments integer,
    appt_status varchar
)
