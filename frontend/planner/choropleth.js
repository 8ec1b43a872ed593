// The communes coloured by the chosen layer (issue 12), with their legend. The polygons are drawn once per set of
// départements; a parameter change only restyles them. The map is the visual twin of the ranked table, which is its
// accessible equivalent: the pane is hidden from assistive technology.
import { formatNumber, t } from '../lib/i18n.js';
import { classify, legendEntries, valueText } from './classes.js';

const L = window.L;

const BASE = { color: '#4d4d4d', weight: 0.5, fillOpacity: 0.85, fillColor: '#bdbdbd', className: 'choropleth-commune' };

export class Choropleth {
  constructor(map, legend, { onSelect }) {
    this.map = map;
    this.legend = legend;
    this.onSelect = onSelect;
    map.createPane('choropleth').style.zIndex = 350;
    map.getPane('choropleth').setAttribute('aria-hidden', 'true');
    this.renderer = L.svg({ pane: 'choropleth' });
    this.shapes = new Map();
    this.rows = new Map();
    this.key = '';
    this.layerName = 'minutes';
  }

  /** Draws the communes' polygons when the set changed; frames the map on them the first time. */
  outlines(features) {
    const key = features.map((f) => f.id).join(',');
    if (key === this.key) {
      return;
    }
    this.key = key;
    if (this.group) {
      this.group.remove();
    }
    this.shapes.clear();
    this.group = L.geoJSON({ type: 'FeatureCollection', features }, {
      style: () => BASE,
      renderer: this.renderer,
      pane: 'choropleth',
      onEachFeature: (feature, shape) => {
        this.shapes.set(feature.id, shape);
        shape.bindTooltip(() => this.tooltip(feature.id), { sticky: true });
        shape.on('click', () => this.onSelect(feature.id));
      },
    }).addTo(this.map);
    if (!this.framed && this.group.getBounds().isValid()) {
      this.map.fitBounds(this.group.getBounds());
      this.framed = true;
    }
  }

  tooltip(code) {
    const row = this.rows.get(code);
    if (!row) {
      return code;
    }
    return `${row.name} (${code}) : ${valueText(this.layerName, row)}`;
  }

  /** Colours every commune by the layer's classes and writes the legend. */
  draw(rows, layerName) {
    this.layerName = layerName;
    this.rows = new Map(rows.map((r) => [r.code, r]));
    const classification = classify(layerName, rows);
    this.shapes.forEach((shape, code) => {
      const row = this.rows.get(code);
      const c = row ? classification.of(row) : { color: '#ffffff', key: 'none' };
      const element = shape.getElement();
      // only the communes whose class changed are restyled: a new T moves few of them
      if (element && element.dataset.class === c.key && shape.options.fillColor === c.color) {
        return;
      }
      shape.setStyle({ fillColor: c.color });
      if (element) {
        element.dataset.class = c.key;
        element.dataset.code = code;
      }
    });
    this.writeLegend(legendEntries(classification, rows), layerName);
  }

  writeLegend(entries, layerName) {
    this.legend.replaceChildren();
    const title = document.createElement('h3');
    title.textContent = t(`legend.title.${layerName}`);
    const list = document.createElement('ul');
    entries.forEach((e) => {
      const item = document.createElement('li');
      item.dataset.class = e.key;
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = e.color;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, `${e.label} (${formatNumber(e.count)})`);
      list.append(item);
    });
    this.legend.append(title, list);
  }

  /** Outlines one commune and brings it into view. */
  select(code, { pan = true } = {}) {
    const previous = this.shapes.get(this.selected);
    if (previous) {
      previous.setStyle({ weight: 0.5, color: '#4d4d4d' });
    }
    this.selected = code;
    const shape = this.shapes.get(code);
    if (shape) {
      shape.setStyle({ weight: 3, color: '#000000' });
      shape.bringToFront();
      if (pan && !this.map.getBounds().contains(shape.getBounds())) {
        this.map.panTo(shape.getBounds().getCenter(), { animate: false });
      }
    }
  }

  count() {
    return this.shapes.size;
  }
}
