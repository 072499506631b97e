-- gpad_labels: every published GPAD value, in the order the publication lists them
-- grain: one row per attribute x label; inputs: ref_gpad_vocabulary
select attribute, label from ref_gpad_vocabulary order by attribute, sort_order, label
