// The ranked table of underserved communes (issue 12): the API's uncovered communes, most uncovered 75+ first,
// sortable by any column with real buttons (aria-sort on the header), each commune a button that selects it on the
// map; selecting on the map marks its row.
import { formatNumber, t } from '../lib/i18n.js';
import { minutesText } from './classes.js';

const COLUMNS = [
  { key: 'rank', numeric: true },
  { key: 'name', numeric: false },
  { key: 'departement', numeric: false },
  { key: 'aged75Plus', numeric: true },
  { key: 'aged85Plus', numeric: true },
  { key: 'population', numeric: true },
  { key: 'minutes', numeric: true },
  { key: 'index', numeric: true },
  { key: 'ratioToMean', numeric: true },
];

function number(v, digits = 0) {
  return v === null || v === undefined ? '—' : formatNumber(v, { maximumFractionDigits: digits });
}

export class Ranking {
  constructor(table, { onSelect }) {
    this.table = table;
    this.onSelect = onSelect;
    this.sort = { key: 'rank', ascending: true };
    this.rows = [];
  }

  /** The uncovered communes in the API's order (rank 1 = most uncovered 75+), with their figures. */
  show(uncovered, figures) {
    const byCode = new Map(figures.map((r) => [r.code, r]));
    this.rows = uncovered.map((r, i) => ({ ...byCode.get(r.code), ...r, rank: i + 1,
      index: byCode.get(r.code)?.index, ratioToMean: byCode.get(r.code)?.ratioToMean }));
    this.render();
  }

  sorted() {
    const { key, ascending } = this.sort;
    const column = COLUMNS.find((c) => c.key === key);
    const value = (r) => r[key];
    return [...this.rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) {
        return a.rank - b.rank;
      }
      if (x === null || x === undefined) {
        return 1;
      }
      if (y === null || y === undefined) {
        return -1;
      }
      const order = column.numeric ? x - y : String(x).localeCompare(String(y), 'fr');
      return ascending ? order : -order;
    });
  }

  render() {
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    COLUMNS.forEach((c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (this.sort.key === c.key) {
        th.setAttribute('aria-sort', this.sort.ascending ? 'ascending' : 'descending');
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.dataset.sort = c.key;
      button.textContent = t(`table.${c.key}`);
      button.addEventListener('click', () => {
        this.sort = { key: c.key, ascending: this.sort.key === c.key ? !this.sort.ascending : c.key === 'rank' || !c.numeric };
        this.render();
        this.table.querySelector(`button[data-sort="${c.key}"]`).focus();
      });
      th.append(button);
      headRow.append(th);
    });
    head.append(headRow);
    const body = document.createElement('tbody');
    this.sorted().forEach((r) => body.append(this.row(r)));
    this.table.replaceChildren(head, body);
    this.mark(this.selected);
  }

  row(r) {
    const tr = document.createElement('tr');
    tr.dataset.code = r.code;
    const cells = [
      number(r.rank), null, r.departement, number(r.aged75Plus), number(r.aged85Plus), number(r.population),
      minutesText(r.minutes, r.method), number(r.index, 4), number(r.ratioToMean, 2),
    ];
    cells.forEach((text, i) => {
      const td = document.createElement(i === 1 ? 'th' : 'td');
      if (i === 1) {
        td.scope = 'row';
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'commune-link';
        button.textContent = `${r.name} (${r.code})`;
        button.addEventListener('click', () => this.onSelect(r.code, { fromTable: true }));
        td.append(button);
      } else {
        td.textContent = text;
      }
      tr.append(td);
    });
    return tr;
  }

  /** Marks the row of a commune (when it is in the table) and scrolls it into view. */
  mark(code, { scroll = false } = {}) {
    this.selected = code;
    this.table.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
    const tr = code ? this.table.querySelector(`tr[data-code="${code}"]`) : null;
    if (tr) {
      tr.classList.add('selected');
      if (scroll) {
        tr.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  firstCode() {
    return this.rows.length ? this.rows[0].code : null;
  }
}
