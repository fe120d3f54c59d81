// The density layer of the point maps: above 200 places, square cells of 16 px on the screen, each
// coloured by the seizures of the places that fall in it, beneath fainter circles. Answers by hand below.
import { describe, expect, it } from 'vitest';
import { compileChart, renderSvg } from '../../src/charts/render.js';
import { DENSE_POINTS, densityCells, fitToPlaces, pointMap } from '../../src/charts/world.js';

type Layer = { data: { values: Array<Record<string, number>> }; mark: { type: string; opacity?: number } };

/** n places on a grid over eastern Brazil (0.5° apart), place i with i % 5 + 1 seizures. */
function grid(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    label: `P${i}`,
    lat: -5 - Math.floor(i / 20) * 0.5,
    lon: -45 + (i % 20) * 0.5,
    seizures: (i % 5) + 1,
  }));
}

describe('the density layer', () => {
  it('sums the places and seizures of each 16 px cell, cells in screen order', () => {
    const map = fitToPlaces(
      [
        [-45, -5],
        [-35, -12],
      ],
      720,
      380,
    );
    const cells = densityCells(map, [
      { x: 1, y: 1, seizures: 2 },
      { x: 15, y: 3, seizures: 3 },
      { x: 17, y: 1, seizures: 1 },
      { x: 2, y: 20, seizures: 4 },
    ]);
    // (1, 1) and (15, 3) share the cell of columns 0–16 and rows 0–16; (17, 1) is the next column; (2, 20) the next row.
    expect(cells.map((c) => [c.places, c.seizures])).toEqual([
      [2, 5],
      [1, 1],
      [1, 4],
    ]);
    // Each cell drawn at its centre: (8, 8), (24, 8), (8, 24) px.
    expect(cells.map((c) => map.project([c.lon, c.lat]).map((v) => Math.round(v)))).toEqual([
      [8, 8],
      [24, 8],
      [8, 24],
    ]);
  });

  it('is drawn beneath the circles when a map has more than 200 places, and compiles and renders', async () => {
    const points = grid(240);
    const spec = pointMap('Seizures by place', points) as { layer: Layer[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['geoshape', 'square', 'circle', 'text']);
    const cells = spec.layer[1].data.values;
    // Every place in one cell: 240 places; seizures 48 × (1 + 2 + 3 + 4 + 5) = 720.
    expect(cells.reduce((n, c) => n + c.places, 0)).toBe(240);
    expect(cells.reduce((n, c) => n + c.cell_seizures, 0)).toBe(720);
    expect(cells.length).toBeLessThan(240);
    expect(spec.layer[2].mark.opacity).toBe(0.3);
    expect(compileChart(spec).warnings).toEqual([]);
    expect((await renderSvg(spec)).match(/aria-roledescription="square"/g)).toHaveLength(cells.length);
  });

  it('is left out at 200 places or fewer', () => {
    const spec = pointMap('Seizures by place', grid(DENSE_POINTS)) as { layer: Layer[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['geoshape', 'circle', 'text']);
  });
});
