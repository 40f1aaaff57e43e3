/**
 * A browser-side expression (for `HeadlessChromium.visit`) that reads what a rendered report
 * shows: its sections, the drawn size of each chart, the marks in each, and whether a click on a
 * table heading sorts the table. Run in the page, after its load event.
 */
export const REPORT_PAGE_FACTS = `(() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const table = document.getElementById('tool-calls');
  let sorted = null;
  if (table) {
    const heading = table.querySelectorAll('th')[2];
    heading.click();
    heading.click();
    const calls = Array.from(table.tBodies[0].rows, (row) => Number(row.cells[2].textContent));
    sorted = { order: heading.getAttribute('aria-sort'), calls };
  }
  return {
    ready: document.documentElement.dataset.ready === 'true',
    title: document.title,
    sections: Array.from(document.querySelectorAll('section'), (s) => s.id),
    charts: Array.from(document.querySelectorAll('svg.chart'), (svg) => {
      const box = svg.getBoundingClientRect();
      return { id: svg.id, width: Math.round(box.width), height: Math.round(box.height) };
    }),
    phaseBars: count('.phase-bar'),
    callBars: count('.call-bar'),
    toolRows: count('#tool-calls tbody tr'),
    tokenRows: count('.token-row'),
    histogramBars: count('.hist-bar'),
    memoryPoints: (document.querySelector('#memory-chart .line.tree')?.getAttribute('d') ?? '').split(/[ML]/).length - 1,
    dagNodes: count('.dag-node'),
    diffFiles: count('details.diff-file'),
    externalReferences: Array.from(document.querySelectorAll('[src], [href]'), (e) => e.getAttribute('src') ?? e.getAttribute('href')).filter((v) => !v.startsWith('#')),
    sorted,
  };
})()`;
