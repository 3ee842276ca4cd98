// Loaded first on every page of the WebDriver suite (tests/webdriver): records
// what Playwright's page events give the Chromium suite, for engines driven over
// plain W3C WebDriver, which has no console or page-error events.
//   window.__wdProblems  script errors, unhandled rejections, console.error calls
//   window.__violations  securitypolicyviolation events (CSP)
//   window.__arEvents    article-reader:* events { type, detail, target }
// A same-origin file, so it also runs under the strict CSP (no inline script).
(function () {
  var problems = [], violations = [], events = [];
  var def = function (k, v) { Object.defineProperty(window, k, { value: v, enumerable: false }); };
  def('__wdProblems', problems);
  def('__violations', violations);
  def('__arEvents', events);
  window.addEventListener('error', function (e) {
    // Resource load failures reach capturing listeners as plain Events: not script errors.
    if (e instanceof ErrorEvent) problems.push('pageerror: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    problems.push('pageerror: unhandled rejection: ' + (r && r.stack ? r.stack : String(r)));
  });
  var original = console.error;
  console.error = function () {
    problems.push('console: ' + Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
  });
  ['load', 'error', 'fontscale', 'theme'].forEach(function (t) {
    document.addEventListener('article-reader:' + t, function (e) {
      var host = e.composedPath()[0];
      events.push({ type: t, detail: JSON.parse(JSON.stringify(e.detail || null)), target: host && (host.id || host.localName) || null, t: performance.now() });
    });
  });
})();
