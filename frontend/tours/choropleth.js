// The public part of the page: drive share per commune as a choropleth, its legend and the same figures as a table.
import { el } from '/account/common.js';
import { number, percent, t } from './strings.js';

const L = window.L;

/** Classes of drive share, light to dark (ColorBrewer Oranges, colour-blind safe). */
export const CLASSES = [
  { max: 0.15, color: '#feedde' }, { max: 0.25, color: '#fdbe85' }, { max: 0.35, color: '#fd8d3c' },
  { max: 0.45, color: '#e6550d' }, { max: Infinity, color: '#a63603' },
];
const SUPPRESSED = '#d9d9d9';

export function colour(cell) {
  if (cell.suppressed) {
    return SUPPRESSED;
  }
  return CLASSES.find((c) => cell.driveShare < c.max).color;
}

export class Choropleth {
  constructor(map) {
    this.map = map;
    this.layer = L.geoJSON(null, { style: () => ({ weight: 0.6, color: '#555', fillOpacity: 0.85 }) }).addTo(map);
  }

  /** Draws the communes (GeoJSON) coloured by their cell of the aggregates. */
  draw(communes, aggregates) {
    const cells = new Map(aggregates.communes.map((c) => [c.code, c]));
    this.layer.clearLayers();
    this.layer.addData(communes);
    this.layer.eachLayer((shape) => {
      const cell = cells.get(shape.feature.id) || { suppressed: true };
      shape.setStyle({ fillColor: colour(cell), dashArray: cell.suppressed ? '2 3' : null });
      shape.bindTooltip(label(shape.feature.properties.name, cell));
    });
    if (this.layer.getBounds().isValid()) {
      this.map.fitBounds(this.layer.getBounds());
    }
  }
}

function label(name, cell) {
  return cell.suppressed ? t('cell.suppressed', { name })
    : t('cell.shown', { name, share: percent(cell.driveShare), visits: number(cell.visits) });
}

export function legend(list) {
  list.replaceChildren();
  let low = 0;
  for (const c of CLASSES) {
    const text = c.max === Infinity ? t('legend.over', { low: percent(low) })
      : t('legend.range', { low: percent(low), high: percent(c.max) });
    list.append(el('li', {}, el('span', { class: 'swatch', 'data-colour': c.color, 'aria-hidden': 'true' }), text));
    low = c.max;
  }
  list.append(el('li', {}, el('span', { class: 'swatch suppressed', 'aria-hidden': 'true' }), t('legend.suppressed')));
  list.querySelectorAll('[data-colour]').forEach((s) => { s.style.background = s.dataset.colour; });
}

/** The accessible twin of the map: every commune with a shown cell, then the total. */
export function table(tbody, aggregates) {
  tbody.replaceChildren();
  const shown = aggregates.communes.filter((c) => !c.suppressed);
  for (const c of shown) {
    tbody.append(row(c.name, c));
  }
  const hidden = aggregates.communes.length - shown.length;
  tbody.append(el('tr', {}, el('td', { colspan: '5' }, t('table.hidden', { count: number(hidden) }))));
  tbody.append(row(t('table.total'), aggregates.total, 'total'));
}

function row(name, c, kind) {
  const cells = c.suppressed ? [t('table.masked'), '', '', '']
    : [number(c.visits), number(c.driveMinutes), percent(c.driveShare), number(c.tours)];
  return el('tr', kind ? { class: kind } : {}, el('th', { scope: 'row' }, name), cells.map((v) => el('td', {}, v)));
}
