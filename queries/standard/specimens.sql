-- Standard quantities of every specimen (analyses run with --standardise; src/analysis/standard.ts
-- loads the tables this reads). Each value comes with the rule that gave it:
--   kg_estimated: kilograms for a specimen counted or measured but not weighed — ivory by the weight
--     model (ivory_model), timber in cubic metres by its wood density (species, else genus);
--   raw_ivory_kg: the raw-ivory equivalent (ETIS): raw ivory as weighed, worked ivory ÷ 0.7;
--   organisms (low, high): whole-organism equivalents — the amount ÷ the units one organism gives, from
--     the most specific factor for the taxon and term (species, genus, family, order, class, then any
--     taxon), counts before kilograms. The range divides by the factor's high and low ends.
WITH base AS (
  SELECT specimen_id, taxon, genus, family, order_name, class_name, term, unit, quantity, quantity_kg, quantity_count,
         ivory_kind(family, term) AS ivory
  FROM specimens
),
kg AS (
  SELECT b.*,
    CASE WHEN b.quantity_kg IS NOT NULL THEN NULL
         WHEN b.ivory IS NOT NULL AND b.quantity_count > 0 THEN
           CASE WHEN m.fitted AND m.intercept + m.slope * ln(b.quantity_count + 1) > 0
                THEN power(m.intercept + m.slope * ln(b.quantity_count + 1), 1 / m.lambda) END
         WHEN b.unit = 'CUM' AND b.quantity IS NOT NULL THEN b.quantity * coalesce(ws.mid, wg.mid) END AS kg_estimated,
    CASE WHEN b.quantity_kg IS NOT NULL THEN NULL
         WHEN b.ivory IS NOT NULL AND b.quantity_count > 0 THEN
           CASE WHEN m.fitted THEN format('{} ivory model (ETIS): kg = ({} + {} ln(pieces + 1))^(1/{}), {} records, r² {}', b.ivory,
                                          printf('%g', round(m.intercept, 4)), printf('%g', round(m.slope, 4)), printf('%g', m.lambda),
                                          m.records, printf('%g', round(m.r2, 3)))
                ELSE format('{} ivory not weighed: {} weighed and counted records, {} needed', b.ivory, m.records, $min_records) END
         WHEN b.unit = 'CUM' AND b.quantity IS NOT NULL AND coalesce(ws.mid, wg.mid) IS NOT NULL THEN
           format('wood density {} kg/m³ ({}; {})', printf('%g', coalesce(ws.mid, wg.mid)), coalesce(ws.taxon, wg.taxon),
                  coalesce(ws.source, wg.source)) END AS kg_rule
  FROM base b
  LEFT JOIN ivory_model m ON m.kind = b.ivory
  LEFT JOIN wood_density ws ON ws.rank = 'species' AND ws.taxon = b.taxon
  LEFT JOIN wood_density wg ON wg.rank = 'genus' AND wg.taxon = b.genus
),
factors AS (
  SELECT k.specimen_id, f.taxon AS factor_taxon, f.term AS factor_term, f.unit AS factor_unit, f.low, f.mid, f.high, f.source,
         CASE f.unit WHEN 'count' THEN k.quantity_count ELSE coalesce(k.quantity_kg, k.kg_estimated) END AS amount
  FROM kg k
  JOIN organism_factors f ON f.term = k.term
   AND (f.rank = 'any' OR f.taxon = CASE f.rank WHEN 'species' THEN k.taxon WHEN 'genus' THEN k.genus WHEN 'family' THEN k.family
                                                 WHEN 'order' THEN k.order_name WHEN 'class' THEN k.class_name END)
  WHERE CASE f.unit WHEN 'count' THEN k.quantity_count ELSE coalesce(k.quantity_kg, k.kg_estimated) END IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY k.specimen_id
    ORDER BY list_position(['species', 'genus', 'family', 'order', 'class', 'any'], f.rank), f.unit = 'count' DESC) = 1
)
SELECT k.specimen_id, k.kg_estimated, k.kg_rule,
       CASE k.ivory WHEN 'raw' THEN coalesce(k.quantity_kg, k.kg_estimated)
                    WHEN 'worked' THEN coalesce(k.quantity_kg, k.kg_estimated) / 0.7 END AS raw_ivory_kg,
       f.amount / f.mid AS organisms, f.amount / f.high AS organisms_low, f.amount / f.low AS organisms_high,
       CASE WHEN f.specimen_id IS NOT NULL THEN
         format('{} {}: {}{} per organism{} ({})', f.factor_taxon, f.factor_term, printf('%g', f.mid),
                CASE f.factor_unit WHEN 'kg' THEN ' kg' ELSE '' END,
                CASE WHEN f.low <> f.high THEN format(', range {}–{}', printf('%g', f.low), printf('%g', f.high)) ELSE '' END,
                f.source) END AS organisms_rule
FROM kg k
LEFT JOIN factors f USING (specimen_id)
