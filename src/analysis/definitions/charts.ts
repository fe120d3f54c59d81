// Small chart builders shared by several analyses: a ranked horizontal bar chart whose labels are
// never cut where the evidence is. Vega cuts a long label at its end, which is where a permit
// number, a payee or the last part of a profile sits: so a label longer than LABEL_CHARS is shortened
// in its middle (head … tail), and the full text is in the bar's tooltip.
const LABEL_CHARS = 48;
const HEAD = 20;
const TAIL = LABEL_CHARS - HEAD - 1;

/** The Vega expression for an axis label shortened in its middle, as middleEllipsis does in Node. */
const MIDDLE_ELLIPSIS =
  `length(datum.label) > ${LABEL_CHARS} ? slice(datum.label, 0, ` + `${HEAD}) + '…' + slice(datum.label, -${TAIL}) : datum.label`;

/** The label as the axis shows it: whole up to LABEL_CHARS characters, else head … tail. */
export function middleEllipsis(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, HEAD)}…${label.slice(-TAIL)}` : label;
}

export function rankedBars(
  title: string,
  values: Array<Record<string, unknown>>,
  label: string,
  measure: string,
  measureTitle: string,
  colour?: string,
): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    data: { values },
    mark: 'bar',
    width: 520,
    height: 14 * Math.max(1, values.length),
    encoding: {
      // labelLimit leaves room for LABEL_CHARS characters as Vega measures them offline (about 0.8 em each),
      // so that Vega itself cuts nothing.
      y: { field: label, type: 'nominal', sort: '-x', title: null, axis: { labelExpr: MIDDLE_ELLIPSIS, labelLimit: 400 } },
      x: { field: measure, type: 'quantitative', title: measureTitle },
      ...(colour ? { color: { field: colour, type: 'nominal' } } : {}),
      tooltip: [
        { field: label, type: 'nominal' },
        { field: measure, type: 'quantitative', title: measureTitle, format: ',' },
        ...(colour ? [{ field: colour, type: 'nominal' }] : []),
      ],
    },
  };
}
