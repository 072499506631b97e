-- reasons: the reason codes a signposting row may carry
-- grain: one row per reason; inputs: dim_reason
select reason_code from dim_reason
