/** The report's stylesheet, inlined in its `<style>` (the page loads nothing). */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5d6773; --line: #d9dee5; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 18px 28px; }
header h1 { margin: 0 0 6px; font-size: 20px; font-weight: 600; }
header h1 code { font-size: 18px; }
main { max-width: 1180px; margin: 0 auto; padding: 12px 28px 48px; }
nav { display: flex; flex-wrap: wrap; gap: 14px; margin-top: 10px; }
nav a { color: #0b5cad; text-decoration: none; }
nav a:hover { text-decoration: underline; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
section h2 { margin: 0 0 4px; font-size: 16px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
.note { color: var(--muted); margin: 4px 0 10px; }
.missing { color: var(--muted); font-style: italic; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 10px; font-weight: 600; color: #fff; }
.badge.ok { background: #2e7d32; } .badge.failed { background: #c62828; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 8px 0 0; padding: 0; list-style: none; color: var(--muted); }
.facts b { color: var(--ink); font-weight: 600; }
.problems, .warnings { margin: 8px 0 0; padding-left: 18px; color: #8a4b00; }
.error { margin: 8px 0 0; color: #c62828; }
.scroll { overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
.tick { fill: var(--muted); font-size: 10.5px; }
.row-label { fill: var(--ink); font-size: 12px; }
.bar-label { fill: var(--muted); font-size: 11px; }
.grid { stroke: #eceff3; stroke-width: 1; }
.phase-bar, .call-bar, .hist-bar, .dag-node rect { cursor: default; }
.call-bar:hover, .phase-bar:hover, .hist-bar:hover { opacity: 0.75; }
.budget { fill: #e8edf4; stroke: #b7c3d3; stroke-dasharray: 3 2; }
.band { fill: #f4f6f9; } .band.alt { fill: #eaeef3; }
.line { fill: none; stroke-width: 1.8; } .line.rss { stroke: #7a8794; stroke-dasharray: 4 3; stroke-width: 1.2; }
.peak { fill: #fff; stroke: #c62828; stroke-width: 2; }
.marker { stroke: #1d232b; stroke-dasharray: 4 3; }
.edge { fill: none; stroke: #9aa6b4; stroke-width: 1.3; } .arrow-head { fill: #9aa6b4; }
.node-label { fill: #fff; font-size: 11.5px; font-weight: 500; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0; color: var(--muted); }
.legend-item i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.legend-item i.dashed { height: 0; border-top: 2px dashed #7a8794; border-radius: 0; vertical-align: 3px; }
.figures { display: flex; flex-wrap: wrap; gap: 4px 22px; list-style: none; padding: 0; margin: 10px 0 0; }
table.data { border-collapse: collapse; margin: 14px 0 4px; width: 100%; }
table.data caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.data th { background: #f1f3f6; font-weight: 600; cursor: pointer; user-select: none; white-space: nowrap; }
table.data th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 9px; }
table.data th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 9px; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.bad { color: #c62828; font-weight: 600; }
details.diff-file { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
details.diff-file summary { padding: 6px 10px; background: #f1f3f6; cursor: pointer; }
pre.diff { margin: 0; padding: 8px 0; overflow-x: auto; }
pre.diff span { display: block; min-height: 1.45em; padding: 0 10px; white-space: pre; }
pre.diff .add { background: #e6f4ea; } pre.diff .del { background: #fdecea; }
pre.diff .hunk { background: #eef3fb; color: #3b5b8c; } pre.diff .meta { color: var(--muted); }
span.add { color: #2e7d32; } span.del { color: #c62828; }
.diff-tools { margin: 4px 0; } .diff-tools button { font: inherit; padding: 2px 10px; margin-right: 6px; }
@media print { body { background: #fff; } section { break-inside: avoid; border: 0; } }
`;
