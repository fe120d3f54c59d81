// Small chart builders shared by several analyses: a ranked horizontal bar chart.
export function rankedBars(title: string, values: Array<Record<string, unknown>>, label: string, measure: string, measureTitle: string, colour?: string): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title, data: { values }, mark: 'bar', width: 520, height: 14 * Math.max(1, values.length),
    encoding: {
      y: { field: label, type: 'nominal', sort: '-x', title: null },
      x: { field: measure, type: 'quantitative', title: measureTitle },
      ...(colour ? { color: { field: colour, type: 'nominal' } } : {}),
    },
  };
}
