// A small Mapbox Vector Tile (MVT 2.1) decoder: the protobuf fields the basemap needs (layers, features, their
// type, tags and geometry), no dependency. Geometries come out as rings/lines of [x, y] in tile units (0..extent).

class Protobuf {
  constructor(buffer) {
    this.bytes = new Uint8Array(buffer);
    this.pos = 0;
  }

  varint() {
    let value = 0;
    let shift = 1;
    let byte;
    do {
      byte = this.bytes[this.pos];
      this.pos += 1;
      value += (byte & 0x7f) * shift;
      shift *= 128;
    } while (byte & 0x80);
    return value;
  }

  /** Reads the fields of a message up to end, calling read(field, wireType) for each. */
  fields(end, read) {
    while (this.pos < end) {
      const key = this.varint();
      read(Math.floor(key / 8), key & 7);
    }
  }

  skip(wireType) {
    if (wireType === 0) {
      this.varint();
    } else if (wireType === 1) {
      this.pos += 8;
    } else if (wireType === 2) {
      this.pos += this.varint();
    } else if (wireType === 5) {
      this.pos += 4;
    } else {
      throw new Error(`MVT: unknown wire type ${wireType}`);
    }
  }

  /** The end of a length-delimited field starting here. */
  end() {
    const length = this.varint();
    return this.pos + length;
  }

  string() {
    const end = this.end();
    const text = new TextDecoder().decode(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return text;
  }

  packed() {
    const end = this.end();
    const values = [];
    while (this.pos < end) {
      values.push(this.varint());
    }
    return values;
  }
}

const zigzag = (n) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

/** The rings or lines of a feature's geometry commands (MoveTo 1, LineTo 2, ClosePath 7); points as one-point lines. */
function geometry(commands) {
  const parts = [];
  let part = null;
  let x = 0;
  let y = 0;
  let i = 0;
  while (i < commands.length) {
    const command = commands[i] & 7;
    const count = Math.floor(commands[i] / 8);
    i += 1;
    if (command === 7) {
      if (part && part.length) {
        part.push(part[0]);
      }
    } else {
      for (let k = 0; k < count; k += 1) {
        x += zigzag(commands[i]);
        y += zigzag(commands[i + 1]);
        i += 2;
        if (command === 1) {
          part = [];
          parts.push(part);
        }
        part.push([x, y]);
      }
    }
  }
  return parts;
}

function value(pbf) {
  const end = pbf.end();
  let result = null;
  pbf.fields(end, (field, wire) => {
    if (field === 1) {
      result = pbf.string();
    } else if (field === 7) {
      result = pbf.varint() === 1;
    } else if (field === 4 || field === 5) {
      result = pbf.varint();
    } else {
      pbf.skip(wire);
    }
  });
  return result;
}

function feature(pbf) {
  const end = pbf.end();
  const f = { type: 0, tags: [], commands: [] };
  pbf.fields(end, (field, wire) => {
    if (field === 2) {
      f.tags = pbf.packed();
    } else if (field === 3) {
      f.type = pbf.varint();
    } else if (field === 4) {
      f.commands = pbf.packed();
    } else {
      pbf.skip(wire);
    }
  });
  return f;
}

function layer(pbf) {
  const end = pbf.end();
  const l = { name: '', extent: 4096, keys: [], values: [], raw: [] };
  pbf.fields(end, (field, wire) => {
    if (field === 1) {
      l.name = pbf.string();
    } else if (field === 2) {
      l.raw.push(feature(pbf));
    } else if (field === 3) {
      l.keys.push(pbf.string());
    } else if (field === 4) {
      l.values.push(value(pbf));
    } else if (field === 5) {
      l.extent = pbf.varint();
    } else {
      pbf.skip(wire);
    }
  });
  const features = l.raw.map((f) => {
    const properties = {};
    for (let i = 0; i + 1 < f.tags.length; i += 2) {
      properties[l.keys[f.tags[i]]] = l.values[f.tags[i + 1]];
    }
    return { type: f.type, properties, geometry: geometry(f.commands) };
  });
  return { name: l.name, extent: l.extent, features };
}

/**
 * Decodes a tile (already un-gzipped: the browser does it for Content-Encoding: gzip).
 * @returns {Object<string, {extent: number, features: {type: number, properties: Object, geometry: number[][][]}[]}>}
 */
export function decodeTile(buffer) {
  const pbf = new Protobuf(buffer);
  const layers = {};
  pbf.fields(pbf.bytes.length, (field, wire) => {
    if (field === 3) {
      const l = layer(pbf);
      layers[l.name] = l;
    } else {
      pbf.skip(wire);
    }
  });
  return layers;
}
