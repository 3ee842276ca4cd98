// Globals a host page may already have; none of them may break the widget.
var wasm_bindgen = function () { throw new Error('host wasm_bindgen called'); };
var wasm = 'host wasm';
var Handle = 'host Handle';
var mount = function () { throw new Error('host mount called'); };
var __wbg_init = 'host';
var exports = {}, module = {}, define = function () { throw new Error('host AMD define called'); };
define.amd = true;
var process = { env: { NODE_ENV: 'production' } };
var Buffer = 'host Buffer';
var customElementsBackup = window.customElements;
