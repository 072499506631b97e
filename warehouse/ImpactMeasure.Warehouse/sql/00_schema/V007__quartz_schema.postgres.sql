-- V007 PostgreSQL only: the schema that holds Quartz.NET's job store when impact serve runs on PostgreSQL
-- (its qrtz_ tables are provisioned there by Quartz itself when the first service starts); DuckDB services use
-- Quartz's RAM store, so there this version is recorded and does nothing
-- inputs: none
create schema if not exists quartz;
