/**
 * The report page's only style sheet. It is fixed text (no log value ever goes into it), so
 * the Content Security Policy can allow exactly this sheet by its hash.
 */
export const reportCss = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1f24; --muted: #59636e; --line: #d0d7de;
  --card: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --info: #0969da; --hl: #fff8c5; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #161b22;
    --ok: #3fb950; --bad: #f85149; --warn: #d29922; --info: #4493f8; --hl: #3b2e00; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.muted, .note { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .75rem; margin: 1rem 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; }
.card .value { font-size: 1.6rem; font-weight: 600; display: block; }
.card.bad .value { color: var(--bad); } .card.warn .value { color: var(--warn); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--card); }
td.long, td div { overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: .85em; }
.outcome-succeeded { color: var(--ok); } .outcome-failed { color: var(--bad); }
.outcome-cancelled, .outcome-unknown { color: var(--warn); }
.migration { border: 1px solid var(--line); border-radius: 8px; padding: 0 1rem .5rem; margin: 1rem 0; }
.verdict { font-weight: 600; }
ol.path { padding-left: 1.4rem; } ol.path li { margin: .3rem 0; }
.answer-yes { color: var(--bad); font-weight: 600; } .answer-no { color: var(--ok); } .answer-unknown { color: var(--warn); }
ul.chart { list-style: none; padding-left: 0; font-size: .85rem; columns: 2 360px; }
ul.chart li { padding: .15rem .3rem; border-left: 3px solid transparent; break-inside: avoid; }
ul.chart li.taken { background: var(--hl); border-left-color: var(--info); font-weight: 600; }
ul.chart li.reached { background: var(--hl); border-left-color: var(--bad); font-weight: 700; }
svg.timeline { width: 100%; height: auto; display: block; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
svg.timeline .lane-bg { fill: transparent; stroke: var(--line); stroke-width: .5; }
svg.timeline .lane-label, svg.timeline .tick-label { fill: var(--fg); font-size: 12px; }
svg.timeline .tick { stroke: var(--line); stroke-dasharray: 2 3; }
svg.timeline .bar .bar-rect { fill: var(--muted); }
svg.timeline .bar.outcome-succeeded .bar-rect, svg.timeline .bar.outcome-succeeded .bar-end { fill: var(--ok); }
svg.timeline .bar.outcome-failed .bar-rect, svg.timeline .bar.outcome-failed .bar-end { fill: var(--bad); }
svg.timeline .bar.outcome-cancelled .bar-rect, svg.timeline .bar.outcome-unknown .bar-rect { fill: var(--warn); }
svg.timeline .bar-link-line { stroke: var(--muted); stroke-width: 1.2; }
svg.timeline .bar-end { fill: var(--muted); }
svg.timeline .marker path { fill: var(--muted); }
svg.timeline .marker-network path { fill: var(--info); } svg.timeline .marker-csv path { fill: var(--warn); }
svg.timeline .marker-node path, svg.timeline .marker-rhs path { fill: var(--bad); }
.legend span { margin-right: 1rem; white-space: nowrap; }
.legend .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; margin-right: .3em; vertical-align: -1px; }
.swatch.outcome-succeeded { background: var(--ok); } .swatch.outcome-failed { background: var(--bad); }
.swatch.outcome-unknown { background: var(--warn); } .swatch.marker-network { background: var(--info); }
.swatch.marker-csv { background: var(--warn); } .swatch.marker-node { background: var(--bad); }
.swatch.marker-service, .swatch.marker-backup { background: var(--muted); }
details summary { cursor: pointer; color: var(--info); }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #999; --card: #f3f3f3; --hl: #eee; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .migration, table, svg.timeline, .card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
