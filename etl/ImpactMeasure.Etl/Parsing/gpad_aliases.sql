-- gpad_aliases: the variants of GPAD values seen in extracts, and the published value each stands for
-- grain: one row per attribute x alias; inputs: ref_gpad_alias
select attribute, alias, label from ref_gpad_alias order by attribute, alias
