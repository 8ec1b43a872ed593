// The self-hosted basemap (issue 14): the app's own vector tiles (/tiles/basemap/{z}/{x}/{y}.mvt, built by
// gis/build-basemap.sh from the OSM extract) drawn on canvas tiles by a Leaflet GridLayer. No request leaves the site.
import { decodeTile } from './mvt.js';

const L = window.L;

const ROADS = {
  motorway: ['#e98c5b', 3.5], trunk: ['#f0a35e', 3], primary: ['#f7c47e', 2.6], secondary: ['#f8dc8c', 2.2],
  tertiary: ['#ffffff', 2], motorway_link: ['#e98c5b', 1.6], trunk_link: ['#f0a35e', 1.6],
};
const MINOR_ROAD = ['#ffffff', 1.2];
const PATHS = new Set(['track', 'path', 'footway', 'cycleway', 'bridleway', 'steps', 'pedestrian']);
const PLACE_FONT = { city: 15, town: 13, village: 12, hamlet: 11 };

/** Areas, lines and labels, in drawing order. */
const AREAS = [
  ['landcover', '#dcebd0'], ['landuse', '#ece8e2'], ['water', '#aad3df'], ['buildings', '#d9d0c9'],
];

function trace(ctx, parts, scale, close) {
  ctx.beginPath();
  for (const part of parts) {
    part.forEach(([x, y], i) => (i ? ctx.lineTo(x * scale, y * scale) : ctx.moveTo(x * scale, y * scale)));
    if (close) {
      ctx.closePath();
    }
  }
}

function roadStyle(kind, zoom) {
  const [color, width] = ROADS[kind] || MINOR_ROAD;
  const grow = zoom >= 13 ? 1.6 : zoom >= 11 ? 1.2 : zoom <= 8 ? 0.6 : 1;
  return { color, width: width * grow, dash: PATHS.has(kind) ? [3, 2] : null };
}

function drawLines(ctx, layer, scale, style) {
  if (!layer) {
    return;
  }
  for (const f of layer.features) {
    const s = style(f.properties);
    if (!s) {
      continue;
    }
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.dash || []);
    trace(ctx, f.geometry, scale, false);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

function drawLabels(ctx, layer, scale, size) {
  if (!layer) {
    return;
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const f of layer.features) {
    const [x, y] = f.geometry[0] && f.geometry[0][0] ? f.geometry[0][0] : [];
    if (x === undefined || x < 0 || y < 0 || x >= layer.extent || y >= layer.extent || !f.properties.name) {
      continue;
    }
    const px = Math.min(Math.max(x * scale, 40), size - 40);
    ctx.font = `${PLACE_FONT[f.properties.class] || 11}px system-ui, sans-serif`;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.lineWidth = 3;
    ctx.strokeText(f.properties.name, px, y * scale);
    ctx.fillStyle = '#333333';
    ctx.fillText(f.properties.name, px, y * scale);
  }
}

/** Draws one decoded tile on a canvas of size × size CSS pixels. */
export function drawTile(ctx, layers, zoom, size) {
  ctx.fillStyle = '#f4f1ea';
  ctx.fillRect(0, 0, size, size);
  const any = Object.values(layers)[0];
  const scale = size / (any ? any.extent : 4096);
  for (const [name, color] of AREAS) {
    if (layers[name]) {
      ctx.fillStyle = color;
      layers[name].features.forEach((f) => { trace(ctx, f.geometry, scale, true); ctx.fill('evenodd'); });
    }
  }
  drawLines(ctx, layers.waterways, scale, (p) => ({ color: '#7fb8d0', width: p.class === 'river' ? 1.8 : 1 }));
  drawLines(ctx, layers.boundaries, scale, (p) => (Number(p.admin_level) <= 6
    ? { color: '#9e7bb5', width: 1.2, dash: [5, 3] } : { color: '#b9a3c9', width: 0.8, dash: [2, 2] }));
  drawLines(ctx, layers.railways, scale, () => ({ color: '#8a8a8a', width: 1.2, dash: [4, 3] }));
  drawLines(ctx, layers.roads, scale, (p) => {
    const s = roadStyle(p.class, zoom);
    return s.dash ? null : { color: '#a8a29a', width: s.width + 1.4 };
  });
  drawLines(ctx, layers.roads, scale, (p) => {
    const s = roadStyle(p.class, zoom);
    return s.dash ? { ...s, color: '#a8a29a', width: 1 } : s;
  });
  drawLabels(ctx, layers.places, scale, size);
}

/**
 * The basemap layer, or null when the app serves none (GET /tiles lists it when it is built).
 * @param tiles the answer of GET /tiles
 */
export function vectorBasemap(tiles) {
  const basemap = tiles && tiles.basemap;
  if (!basemap) {
    return null;
  }
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      const url = `/tiles/basemap/${coords.z}/${coords.x}/${coords.y}.mvt`;
      fetch(url, { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.arrayBuffer() : new ArrayBuffer(0)))
        .then((buffer) => {
          const ctx = canvas.getContext('2d');
          ctx.scale(ratio, ratio);
          drawTile(ctx, decodeTile(buffer), coords.z, size.x);
          done(null, canvas);
        })
        .catch((error) => done(error, canvas));
      return canvas;
    },
  });
  return new Layer({
    minNativeZoom: basemap.minzoom, maxNativeZoom: basemap.maxzoom, attribution: basemap.attribution,
    className: 'proxima-basemap',
  });
}
