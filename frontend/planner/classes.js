// The choropleth's classes (issue 12): one function per layer gives a commune's class from its figures; the palettes
// are ColorBrewer schemes marked colour-blind safe (YlOrBr, YlGnBu, PuOr), and no class relies on colour alone (the
// value is in the tooltip, the table and the panel).
import { formatNumber, t } from '../lib/i18n.js';

const NO_DATA = { key: 'none', color: '#bdbdbd' };

const MINUTES = [
  { key: 'm10', max: 10, color: '#ffffd4' },
  { key: 'm20', max: 20, color: '#fed98e' },
  { key: 'm30', max: 30, color: '#fe9929' },
  { key: 'm45', max: 45, color: '#d95f0e' },
  { key: 'm60', max: Infinity, color: '#993404' },
];

const COVERED = [
  { key: 'covered', color: '#5e3c99' },
  { key: 'uncovered', color: '#e66101' },
];

const RATIO = [
  { key: 'r050', max: 0.5, color: '#e66101' },
  { key: 'r080', max: 0.8, color: '#fdb863' },
  { key: 'r125', max: 1.25, color: '#f7f7f7' },
  { key: 'r200', max: 2, color: '#b2abd2' },
  { key: 'rmax', max: Infinity, color: '#5e3c99' },
];

const INDEX_COLORS = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

const CHANGES = [
  { key: 'gained', color: '#5e3c99' },
  { key: 'lost', color: '#e66101' },
  { key: 'better', color: '#b2abd2' },
  { key: 'worse', color: '#fdb863' },
  { key: 'same', color: '#f7f7f7' },
];

function byMax(classes, value) {
  return classes.find((c) => value <= c.max);
}

/** Index classes: five equal-count classes of the positive values, zero apart. */
function indexClasses(rows) {
  const values = rows.map((r) => r.index).filter((v) => v > 0).sort((a, b) => a - b);
  const classes = [{ key: 'i0', max: 0, color: '#f0f0f0', label: t('legend.index.zero') }];
  if (values.length === 0) {
    return classes;
  }
  let low = 0;
  for (let k = 1; k <= 5; k += 1) {
    const max = k === 5 ? Infinity : values[Math.min(values.length - 1, Math.floor((values.length * k) / 5))];
    if (max > low) {
      const upper = max === Infinity ? values[values.length - 1] : max;
      classes.push({ key: `i${k}`, max, color: INDEX_COLORS[k - 1], label: t('legend.index.range', {
        from: formatNumber(low, { maximumSignificantDigits: 2 }),
        to: formatNumber(upper, { maximumSignificantDigits: 2 }) }) });
      low = max;
    }
  }
  return classes;
}

/** The layer's classes, each with its legend label, and a function giving a commune's class. */
export function classify(layer, rows) {
  if (layer === 'covered') {
    const classes = COVERED.map((c) => ({ ...c, label: t(`legend.${c.key}`) }));
    return { classes, of: (r) => (r.covered === undefined ? NO_DATA : classes[r.covered ? 0 : 1]) };
  }
  if (layer === 'ratio') {
    const classes = RATIO.map((c) => ({ ...c, label: t(`legend.ratio.${c.key}`) }));
    return { classes, of: (r) => (r.ratioToMean === null || r.ratioToMean === undefined ? NO_DATA : byMax(classes, r.ratioToMean)) };
  }
  if (layer === 'index') {
    const classes = indexClasses(rows);
    return { classes, of: (r) => (r.index === undefined ? NO_DATA : byMax(classes, r.index)) };
  }
  if (layer === 'changes') {
    const classes = CHANGES.map((c) => ({ ...c, label: t(`legend.change.${c.key}`) }));
    return { classes, of: (r) => (r.change ? classes.find((c) => c.key === r.change) : NO_DATA) };
  }
  const classes = MINUTES.map((c) => ({ ...c, label: t(`legend.minutes.${c.key}`) }));
  return { classes, of: (r) => (r.minutes === null || r.minutes === undefined ? { ...NO_DATA, key: 'far' } : byMax(classes, r.minutes)) };
}

/** Legend entries: the classes, and "no figure" when some commune has none. */
export function legendEntries(classification, rows) {
  const counts = new Map();
  rows.forEach((r) => {
    const c = classification.of(r);
    counts.set(c.key, (counts.get(c.key) || 0) + 1);
  });
  const entries = classification.classes.map((c) => ({ ...c, count: counts.get(c.key) || 0 }));
  ['none', 'far'].forEach((key) => {
    if (counts.get(key)) {
      entries.push({ ...NO_DATA, key, label: t(`legend.${key}`), count: counts.get(key) });
    }
  });
  return entries;
}

/** The figure a layer shows for a commune, in words (tooltip, table, report). */
export function valueText(layer, r) {
  if (layer === 'covered') {
    return r.covered ? t('value.covered') : t('value.uncovered');
  }
  if (layer === 'index') {
    return r.index === undefined ? '—' : formatNumber(r.index, { maximumSignificantDigits: 3 });
  }
  if (layer === 'ratio') {
    return r.ratioToMean === null || r.ratioToMean === undefined ? '—' : formatNumber(r.ratioToMean, { maximumFractionDigits: 2 });
  }
  if (layer === 'changes') {
    return r.change ? t(`legend.change.${r.change}`) : '—';
  }
  return minutesText(r.minutes, r.method);
}

/** "18 min (route)" or "≈ 18 min (estimation)": every figure says how its time was obtained. */
export function minutesText(minutes, method) {
  if (minutes === null || minutes === undefined) {
    return t('value.far');
  }
  const m = formatNumber(Math.round(minutes));
  return method === 'network' ? t('value.minutes.network', { minutes: m }) : t('value.minutes.estimate', { minutes: m });
}

/** "temps par la route", "temps estimés" or "temps en partie estimés" for an answer's method. */
export function methodText(method) {
  return t(`method.${method || 'estimate'}`);
}
