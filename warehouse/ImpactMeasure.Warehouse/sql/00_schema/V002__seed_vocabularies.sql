-- V002 seeds: Unknown members and the fixed vocabularies (GPAD values, outcomes, roles, reasons, instruments)
-- grain: one row per vocabulary value; key 0 = Unknown in every dimension
-- inputs: EXTRACTS.md (GPAD vocabularies as published), METHODS.md §2 (outcomes), §3 (instruments)

insert into dim_date (date_key) values (0);

insert into dim_practice (practice_key, practice_code, practice_name, pcn_code, pcn_name, sub_icb_code,
    sub_icb_name, icb_code, icb_name, region_code, region_name, valid_from, valid_to, is_current)
values (0, 'UNKNOWN', 'Unknown practice', 'UNKNOWN', 'Unknown PCN', 'UNKNOWN', 'Unknown sub-ICB',
    'UNKNOWN', 'Unknown ICB', 'UNKNOWN', 'Unknown region', date '1900-01-01', date '9999-12-31', true);

insert into ref_service_category (category_code, category_name, default_sector) values
    ('unknown', 'Unknown', 'Unknown'),
    ('community_pharmacy', 'Community pharmacy', 'NHS'),
    ('physiotherapy_msk', 'Physiotherapy / MSK', 'NHS'),
    ('mental_health', 'Mental health', 'NHS'),
    ('vcse_group', 'VCSE group', 'VCSE'),
    ('social_prescribing', 'Social prescribing', 'NHS'),
    ('self_care', 'Self-care', 'NHS'),
    ('nhs_111', 'NHS 111', 'NHS'),
    ('urgent_care', 'Urgent care', 'NHS'),
    ('dental', 'Dental', 'NHS'),
    ('optometry', 'Optometry', 'NHS'),
    ('local_authority', 'Local authority', 'Local authority'),
    ('other', 'Other', 'Other');

insert into dim_service (service_key, service_code, service_name, category_code, sector, area_code)
values (0, 'UNKNOWN', 'Unknown service', 'unknown', 'Unknown', 'UNKNOWN');

insert into dim_role (role_key, role_code, role_name, is_referrer_role) values
    (0, 'unknown', 'Unknown', true),
    (1, 'care_navigator', 'Care navigator', true),
    (2, 'social_prescribing_link_worker', 'Social prescribing link worker', false),
    (3, 'gp', 'GP', true),
    (4, 'nurse', 'Nurse', true),
    (5, 'other', 'Other practice staff', true),
    (6, 'self', 'Self-referral', true);

insert into dim_outcome (outcome_key, outcome_code, outcome_name, is_service_decision, is_accepted_by_service,
    is_diverted, is_rejection, is_declined_by_patient, is_pending) values
    (0, 'unknown', 'Unknown', false, false, false, false, false, false),
    (1, 'accepted', 'Accepted by service', true, true, true, false, false, false),
    (2, 'attended', 'Attended', true, true, true, false, false, false),
    (3, 'rejected_capacity', 'Rejected: service at capacity', true, false, false, true, false, false),
    (4, 'rejected_inappropriate', 'Rejected: inappropriate referral', true, false, false, true, false, false),
    (5, 'declined_by_patient', 'Declined by patient', false, false, false, false, true, false),
    (6, 'did_not_attend', 'Did not attend', true, true, false, false, false, false),
    (7, 'no_response', 'No response', false, false, false, false, false, false),
    (8, 'pending', 'Pending', false, false, false, false, false, true);

-- SNOMED CT ids are left null until a clinical coder confirms each mapping.
insert into dim_reason (reason_key, reason_code, reason_name, reason_group, snomed_ct_id) values
    (0, 'unknown', 'Unknown', 'Unknown', null),
    (1, 'minor_illness', 'Minor illness', 'Minor illness', null),
    (2, 'msk', 'Musculoskeletal problem', 'MSK', null),
    (3, 'mental_wellbeing', 'Low mood, stress or anxiety', 'Mental wellbeing', null),
    (4, 'loneliness', 'Loneliness or social isolation', 'Loneliness', null),
    (5, 'debt_benefits', 'Debt, money or benefits', 'Debt/benefits', null),
    (6, 'housing', 'Housing', 'Housing', null),
    (7, 'carer_support', 'Carer support', 'Carer support', null),
    (8, 'physical_activity', 'Physical activity or weight', 'Physical activity', null),
    (9, 'medication_query', 'Medication query', 'Medication query', null),
    (10, 'admin', 'Administrative request', 'Admin', null),
    (11, 'other', 'Other need', 'Other', null);

insert into dim_instrument (instrument_key, instrument_code, instrument_name, min_score, max_score,
    meaningful_change, higher_is_better) values
    (0, 'UNKNOWN', 'Unknown', null, null, null, null),
    (1, 'ONS4_SATISFACTION', 'ONS4 life satisfaction', 0, 10, 1, true),
    (2, 'ONS4_WORTHWHILE', 'ONS4 worthwhile', 0, 10, 1, true),
    (3, 'ONS4_HAPPINESS', 'ONS4 happiness yesterday', 0, 10, 1, true),
    (4, 'ONS4_ANXIETY', 'ONS4 anxiety yesterday', 0, 10, 1, false),
    (5, 'SWEMWBS', 'Short Warwick-Edinburgh Mental Wellbeing Scale (raw 7-35)', 7, 35, 3, true),
    (6, 'WEMWBS', 'Warwick-Edinburgh Mental Wellbeing Scale (14-70)', 14, 70, 8, true);

insert into ref_gpad_vocabulary (attribute, label, sort_order, minutes_midpoint) values
    ('hcp_type', 'GP', 1, null),
    ('hcp_type', 'Other Practice staff', 2, null),
    ('hcp_type', 'Unknown', 9, null),
    ('appt_mode', 'Face-to-Face', 1, null),
    ('appt_mode', 'Telephone', 2, null),
    ('appt_mode', 'Home Visit', 3, null),
    ('appt_mode', 'Video Conference/Online', 4, null),
    ('appt_mode', 'Unknown', 9, null),
    ('appt_status', 'Attended', 1, null),
    ('appt_status', 'DNA', 2, null),
    ('appt_status', 'Unknown', 9, null),
    ('time_between_book_and_appt', 'Same Day', 1, null),
    ('time_between_book_and_appt', '1 Day', 2, null),
    ('time_between_book_and_appt', '2 to 7 Days', 3, null),
    ('time_between_book_and_appt', '8 to 14 Days', 4, null),
    ('time_between_book_and_appt', '15 to 21 Days', 5, null),
    ('time_between_book_and_appt', '22 to 28 Days', 6, null),
    ('time_between_book_and_appt', 'More than 28 Days', 7, null),
    ('time_between_book_and_appt', 'Unknown / Data Quality', 9, null),
    ('actual_duration', '1-5 Minutes', 1, 3),
    ('actual_duration', '6-10 Minutes', 2, 8),
    ('actual_duration', '11-15 Minutes', 3, 13),
    ('actual_duration', '16-20 Minutes', 4, 18),
    ('actual_duration', '21-30 Minutes', 5, 25.5),
    ('actual_duration', '31-60 Minutes', 6, 45.5),
    ('actual_duration', 'Unknown / Data Quality', 9, null),
    ('national_category', 'General Consultation Routine', 1, null),
    ('national_category', 'General Consultation Acute', 2, null),
    ('national_category', 'Clinical Triage', 3, null),
    ('national_category', 'Planned Clinics', 4, null),
    ('national_category', 'Planned Clinical Procedure', 5, null),
    ('national_category', 'Unplanned Clinical Activity', 6, null),
    ('national_category', 'Home Visit', 7, null),
    ('national_category', 'Care Home Visit', 8, null),
    ('national_category', 'Care Home Needs Assessment & Personalised Care and Support Planning', 9, null),
    ('national_category', 'Patient contact during Care Home Round', 10, null),
    ('national_category', 'Structured Medication Review', 11, null),
    ('national_category', 'Social Prescribing Service', 12, null),
    ('national_category', 'Group Consultation and Group Education', 13, null),
    ('national_category', 'Service provided by organisation external to the practice', 14, null),
    ('national_category', 'Non-contractual chargeable work', 15, null),
    ('national_category', 'Walk-in', 16, null),
    ('national_category', 'Care Related Encounter but does not fit into any other category', 17, null),
    ('national_category', 'Unmapped', 18, null),
    ('national_category', 'Inconsistent Mapping', 19, null),
    ('service_setting', 'General Practice', 1, null),
    ('service_setting', 'Primary Care Network', 2, null),
    ('service_setting', 'Extended Access Provision', 3, null),
    ('service_setting', 'Other', 4, null),
    ('service_setting', 'Unmapped', 5, null),
    ('context_type', 'Care Related Encounter', 1, null),
    ('context_type', 'Inconsistent Mapping', 2, null),
    ('context_type', 'Unmapped', 3, null);

-- aliases are stored case-folded with single spaces, the form the ETL matches in
insert into ref_gpad_alias (attribute, alias, label) values
    ('appt_mode', 'video/online', 'Video Conference/Online'),
    ('time_between_book_and_appt', 'unknown / data issue', 'Unknown / Data Quality'),
    ('time_between_book_and_appt', 'unknown', 'Unknown / Data Quality'),
    ('actual_duration', 'unknown / data issue', 'Unknown / Data Quality'),
    ('actual_duration', 'unknown', 'Unknown / Data Quality');

insert into dim_appointment_profile (appointment_profile_key, hcp_type, appt_mode, appt_status, national_category,
    time_between_book_and_appt, actual_duration, service_setting, context_type)
values (0, 'Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown');

-- every demographic combination, so no band is ever missing; key 0 = all unknown
insert into dim_patient_band (patient_band_key, age_band, sex, deprivation_quintile)
select
    row_number() over (order by a.sort_order, s.sort_order, q.sort_order) - 1 as patient_band_key,
    a.age_band,
    s.sex,
    q.quintile
from (values (0, 'Unknown'), (1, '0-17'), (2, '18-39'), (3, '40-64'), (4, '65-79'), (5, '80+')) as a (sort_order, age_band)
cross join (values (0, 'U'), (1, 'F'), (2, 'M')) as s (sort_order, sex)
cross join (values (0, 'Unknown'), (1, '1'), (2, '2'), (3, '3'), (4, '4'), (5, '5')) as q (sort_order, quintile);
