// The request waterfall of one page load: every request's start, time to first
// byte and end (Resource Timing, ms from navigation start), bytes on the wire and
// body bytes, who asked for it (CDP Network.requestWillBeSent initiator) and
// which request had just finished when it started (what it plausibly waited for).
//   const rec = recordRequests(cdp);     // before page.goto (Network must be enabled)
//   ... load ...
//   const rows = await waterfall(page, rec, { paintedAt });

/** Starts listening to CDP Network events on `cdp`; returns the request log. */
export function recordRequests(cdp) {
  const byId = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const init = e.initiator ?? {};
    const frame = init.stack?.callFrames?.[0] ?? init.stack?.parent?.callFrames?.[0];
    byId.set(e.requestId, {
      url: e.request.url, initiatorType: init.type, initiatorUrl: init.url ?? frame?.url ?? null,
      wire: null, status: null, encoding: null, fromCache: false,
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.encoding = Object.entries(e.response.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? null;
    r.fromCache = !!(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker);
  });
  cdp.on('Network.requestServedFromCache', (e) => { const r = byId.get(e.requestId); if (r) r.fromCache = true; });
  cdp.on('Network.loadingFinished', (e) => { const r = byId.get(e.requestId); if (r) r.wire = e.encodedDataLength; });
  return byId;
}

/** Waterfall rows, in start order, merged from Resource Timing and the CDP log. */
export async function waterfall(page, log, { paintedAt = null } = {}) {
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = [nav, ...performance.getEntriesByType('resource')].filter(Boolean).map((e) => ({
      url: e.name, type: e.initiatorType, start: e.startTime, ttfb: e.responseStart, end: e.responseEnd,
      body: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize,
    }));
    return rows;
  });
  const cdpRows = [...log.values()];
  const origin = new URL(page.url()).origin;
  // Times are Resource Timing's (page clock). Under DevTools network emulation the
  // latency is charged between responseStart and responseEnd, so "first byte" is early;
  // CDP's responseReceived timestamp is no better (seen here later than the same
  // request's loadingFinished). Start and end are the figures to read.
  const rows = timing.map((t) => {
    const c = cdpRows.find((x) => x.url === t.url);
    return {
      path: t.url.startsWith(origin) ? t.url.slice(origin.length) : t.url,
      start: t.start, ttfb: t.ttfb, end: t.end,
      wire: c?.wire ?? t.transfer, body: t.body, decoded: t.decoded, encoding: c?.encoding ?? null,
      initiator: c ? `${c.initiatorType ?? ''}${c.initiatorUrl ? ` ${short(c.initiatorUrl, origin)}` : ''}` : t.type,
      fromCache: c?.fromCache ?? false,
    };
  }).sort((a, b) => a.start - b.start);
  for (const r of rows) {
    // The latest request to finish before this one started (2 ms slack): what it waited for.
    const prior = rows.filter((o) => o !== r && o.end <= r.start + 2).sort((a, b) => b.end - a.end)[0];
    r.afterEndOf = prior ? prior.path : null;
    r.gapAfterPrior = prior ? r.start - prior.end : null;
    r.beforePaint = paintedAt == null ? null : r.start < paintedAt;
  }
  return rows;
}

const short = (url, origin) => (url.startsWith(origin) ? url.slice(origin.length) : url).replace(/\?.*$/, '');
