// bench/chart.svg: time to article per mode, one group of bars per mode (first
// visit, repeat visit, 4× CPU only), one bar per variant, each labelled in ms.
// Hand-written SVG, no dependency. Input: report.modes (see bench/run.mjs).
const COLORS = { widget: '#c0392b', before: '#e6a39b', baseline: '#2c7fb8', static: '#41ab5d' };
const LABELS = { widget: 'widget', before: 'widget before', baseline: 'plain-JS renderer', static: 'static HTML' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x) => Math.round(x).toLocaleString('en-US');

/** SVG text of the chart; `modes` is [{ key, label, summary: { widget: { painted: { median, p25, p75 } }, ... } }]. */
export function chartSvg(modes, { title = 'Time to article (median, ms; whiskers p25–p75)', subtitle = '' } = {}) {
  const variants = ['widget', 'before', 'baseline', 'static'].filter((v) => modes.some((m) => m.summary?.[v]?.painted));
  const W = 760, H = 440, left = 64, right = 16, top = 64, bottom = 92;
  const plotW = W - left - right, plotH = H - top - bottom;
  const max = Math.max(1, ...modes.flatMap((m) => variants.map((v) => m.summary?.[v]?.painted?.p75 ?? m.summary?.[v]?.painted?.median ?? 0)));
  const step = niceStep(max / 5);
  const yMax = Math.ceil(max / step) * step;
  const y = (v) => top + plotH - (v / yMax) * plotH;
  const groupW = plotW / modes.length;
  const barW = Math.min(56, (groupW * 0.8) / variants.length);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="24" font-size="16" font-weight="600">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${left}" y="44" fill="#555">${esc(subtitle)}</text>`);
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#555">${fmt(v)}</text>`);
  }
  out.push(`<line x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  modes.forEach((m, gi) => {
    const gx = left + gi * groupW + (groupW - barW * variants.length) / 2;
    variants.forEach((v, vi) => {
      const s = m.summary?.[v]?.painted;
      if (!s) return;
      const x = gx + vi * barW;
      const h = y(0) - y(s.median);
      out.push(`<rect x="${(x + 2).toFixed(1)}" y="${y(s.median).toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[v]}"><title>${esc(`${m.label}: ${LABELS[v]} ${fmt(s.median)} ms (p25–p75 ${fmt(s.p25)}–${fmt(s.p75)})`)}</title></rect>`);
      const cx = (x + barW / 2).toFixed(1);
      out.push(`<line x1="${cx}" x2="${cx}" y1="${y(s.p25).toFixed(1)}" y2="${y(s.p75).toFixed(1)}" stroke="#222" stroke-width="1"/>`);
      for (const q of [s.p25, s.p75]) out.push(`<line x1="${(x + barW / 2 - 4).toFixed(1)}" x2="${(x + barW / 2 + 4).toFixed(1)}" y1="${y(q).toFixed(1)}" y2="${y(q).toFixed(1)}" stroke="#222"/>`);
      // The value inside the foot of the bar (white; the whisker never reaches there), or above the whisker for a short bar.
      const inside = h > 22 && y(0) - y(s.p25) > 22;
      out.push(`<text x="${cx}" y="${(inside ? y(0) - 7 : Math.min(y(s.median), y(s.p75)) - 5).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="600" fill="${inside ? '#fff' : '#222'}">${fmt(s.median)}</text>`);
    });
    const ratio = m.summary?.ratios?.widgetOverBaseline;
    out.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${H - bottom + 18}" text-anchor="middle" font-weight="600">${esc(m.label)}</text>`);
    if (ratio != null) out.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${H - bottom + 34}" text-anchor="middle" fill="#555">widget / plain JS ${ratio.toFixed(2)}×</text>`);
    const rs = m.summary?.ratios?.widgetOverStatic;
    if (rs != null) out.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${H - bottom + 50}" text-anchor="middle" fill="#555">widget / static ${rs.toFixed(2)}×</text>`);
  });
  let lx = left;
  for (const v of variants) {
    out.push(`<rect x="${lx}" y="${H - 22}" width="12" height="12" fill="${COLORS[v]}"/><text x="${lx + 16}" y="${H - 12}">${esc(LABELS[v])}</text>`);
    lx += 28 + LABELS[v].length * 7;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
