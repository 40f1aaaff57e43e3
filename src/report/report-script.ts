/**
 * The report's only script, inlined and allowed by its hash in the page's Content-Security-Policy:
 * tables sort by a click on a column heading, and the diff's files open or close all at once.
 * The page reads the same without it.
 */
export const REPORT_SCRIPT = `(() => {
  'use strict';
  const value = (cell) => {
    const text = cell.textContent.trim();
    const number = Number.parseFloat(text.replace(/[^0-9.eE+-]/g, ''));
    if (!cell.classList.contains('num') || Number.isNaN(number)) return text.toLowerCase();
    const unit = text.replace(/^[0-9.\\s]+/, '').trim();
    const scale = { ms: 1, s: 1000, min: 60000, B: 1, KB: 1024, MB: 1048576 }[unit.split(' ')[0]] || 1;
    return number * scale;
  };
  for (const table of document.querySelectorAll('table.data')) {
    const body = table.tBodies[0];
    if (!body) continue;
    table.querySelectorAll('th').forEach((th, column) => {
      th.title = 'Sort by ' + th.textContent;
      th.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of table.querySelectorAll('th')) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = value(a.cells[column]);
          const y = value(b.cells[column]);
          const order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
      });
    });
  }
  const files = document.querySelectorAll('details.diff-file');
  const tools = document.getElementById('diff-tools');
  if (tools && files.length > 1) {
    tools.hidden = false;
    for (const button of tools.querySelectorAll('button')) {
      button.addEventListener('click', () => {
        const open = button.dataset.open === 'true';
        for (const file of files) file.open = open;
      });
    }
  }
  document.documentElement.dataset.ready = 'true';
})();`;
