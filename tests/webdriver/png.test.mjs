// Unit tests of the PNG cropper used for the engine screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { crc32, cropPng, decodePng, encodePng } from './png.mjs';

const img = (w, h, ch, f) => {
  const pixels = Buffer.alloc(w * h * ch);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < ch; c++) pixels[(y * w + x) * ch + c] = f(x, y, c);
  return { width: w, height: h, channels: ch, pixels };
};

test('crc32 of "IEND" is the value every PNG ends with', () => {
  assert.equal(crc32(Buffer.from('IEND')), 0xae426082);
});

test('encode/decode round trip, RGB and RGBA', () => {
  for (const ch of [3, 4]) {
    const a = img(7, 5, ch, (x, y, c) => (x * 31 + y * 17 + c * 5) & 0xff);
    const b = decodePng(encodePng(a));
    assert.deepEqual([b.width, b.height, b.channels], [7, 5, ch]);
    assert.ok(b.pixels.equals(a.pixels));
  }
});

test('decode undoes every filter type (a hand-filtered image)', () => {
  // 3×4 RGB; row y uses filter y (1 Sub, 2 Up, 3 Average, 4 Paeth after a row of 0 None).
  const src = img(3, 5, 3, (x, y, c) => (x * 40 + y * 25 + c * 7 + ((x * y) % 3) * 11) & 0xff);
  const stride = 9;
  const raw = Buffer.alloc(5 * (stride + 1));
  const at = (x, y) => (y < 0 || x < 0 ? 0 : src.pixels[y * stride + x]);
  for (let y = 0; y < 5; y++) {
    raw[y * (stride + 1)] = y;
    for (let i = 0; i < stride; i++) {
      const v = at(i, y), a = at(i - 3, y), b = at(i, y - 1), c = at(i - 3, y - 1);
      let pred = 0;
      if (y === 1) pred = a;
      else if (y === 2) pred = b;
      else if (y === 3) pred = (a + b) >> 1;
      else if (y === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      raw[y * (stride + 1) + 1 + i] = (v - pred) & 0xff;
    }
  }
  const good = encodePng(src);
  // Same header, our filtered IDAT.
  const ihdrEnd = 8 + 25;
  const idat = deflateSync(raw);
  const len = Buffer.alloc(4); len.writeUInt32BE(idat.length);
  const td = Buffer.concat([Buffer.from('IDAT'), idat]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  const png = Buffer.concat([good.subarray(0, ihdrEnd), len, td, crc, good.subarray(good.length - 12)]);
  assert.ok(decodePng(png).pixels.equals(src.pixels));
});

test('crop picks the right rectangle and refuses one outside the image', () => {
  const a = img(10, 8, 4, (x, y, c) => (c === 3 ? 255 : c === 0 ? x : y));
  const c = decodePng(cropPng(encodePng(a), { x: 2, y: 3, width: 5, height: 4 }));
  assert.deepEqual([c.width, c.height], [5, 4]);
  assert.deepEqual([c.pixels[0], c.pixels[1]], [2, 3], 'top-left pixel is (2,3)');
  const last = (3 * 5 + 4) * 4; // row 3, column 4
  assert.deepEqual([c.pixels[last], c.pixels[last + 1]], [6, 6], 'bottom-right pixel is (6,6)');
  assert.throws(() => cropPng(encodePng(a), { x: 6, y: 0, width: 5, height: 2 }), /outside the 10×8 image/);
});

test('a real screenshot decodes (docs/screenshots) and rejects garbage', () => {
  const shot = readFileSync(new URL('../../docs/screenshots/engine-webkit-390x844.png', import.meta.url));
  const d = decodePng(shot);
  assert.equal(d.width, 390);
  assert.ok(d.pixels.length === d.width * d.height * d.channels);
  assert.throws(() => decodePng(Buffer.from('not a png at all, clearly not a png')), /not a PNG/);
});
