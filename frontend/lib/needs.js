// The needs → families mapping is data (needs.json); this module only reads it.
let data = null;

export async function loadNeeds() {
  if (!data) {
    const response = await fetch('/lib/needs.json');
    data = await response.json();
  }
  return data;
}

/** The families of a need id, or of an explicit comma-separated family list; [] = every family. */
export function familiesOf(needs, { need, families }) {
  if (families) {
    return families.split(',').map((f) => f.trim()).filter(Boolean);
  }
  const found = needs.needs.find((n) => n.id === need);
  return found ? found.families : [];
}

export function isHomeCare(needs, family) {
  return needs.homeCareFamilies.includes(family);
}
