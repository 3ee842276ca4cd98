// Generates the demo's stand-in photo (a conference hall, drawn on a canvas in
// headless Chromium; no network, no image libraries). Run once; the JPEG is committed.
// Usage: node scripts/make-photo.mjs [out.jpg] [width] [height] [seed]
import { launch } from './lib/chromium.mjs';
import { writeFileSync } from 'node:fs';

const [out = 'fixtures/images/hoi-nghi-dan-van.jpg', W = '1200', H = '800', seed = '7'] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage();
const dataUrl = await page.evaluate(([W, H, seed]) => {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const c = document.createElement('canvas');
  c.width = W; c.height = H;
  const g = c.getContext('2d');
  // Back wall with a red stage banner, as in provincial conference halls.
  const wall = g.createLinearGradient(0, 0, 0, H);
  wall.addColorStop(0, '#d9c7a3'); wall.addColorStop(0.55, '#c8b48c'); wall.addColorStop(1, '#7d6a4f');
  g.fillStyle = wall; g.fillRect(0, 0, W, H);
  g.fillStyle = '#a4161a'; g.fillRect(W * 0.12, H * 0.06, W * 0.76, H * 0.2);
  g.fillStyle = '#f2d16b'; g.font = `bold ${Math.round(H * 0.045)}px sans-serif`; g.textAlign = 'center';
  g.fillText('HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2019', W / 2, H * 0.15);
  g.font = `${Math.round(H * 0.03)}px sans-serif`;
  g.fillText('TRIỂN KHAI NHIỆM VỤ NĂM 2020', W / 2, H * 0.21);
  // Screen and podium.
  g.fillStyle = '#1d3557'; g.fillRect(W * 0.7, H * 0.3, W * 0.22, H * 0.17);
  g.fillStyle = '#8b5a2b'; g.fillRect(W * 0.42, H * 0.36, W * 0.16, H * 0.22);
  g.fillStyle = '#f1faee'; g.beginPath(); g.arc(W * 0.5, H * 0.33, H * 0.035, 0, Math.PI * 2); g.fill();
  g.fillStyle = '#14213d'; g.fillRect(W * 0.47, H * 0.365, W * 0.06, H * 0.05);
  // Table rows with delegates (heads and shoulders), back to front.
  for (let row = 0; row < 5; row++) {
    const y = H * (0.58 + row * 0.09), scale = 0.7 + row * 0.18;
    g.fillStyle = '#eae2d0'; g.fillRect(0, y + 18 * scale, W, 14 * scale);
    for (let x = 20 + rnd() * 40; x < W; x += 70 * scale + rnd() * 20) {
      g.fillStyle = ['#22223b', '#2b2d42', '#f8f9fa', '#3d405b'][Math.floor(rnd() * 4)];
      g.beginPath(); g.ellipse(x, y + 20 * scale, 26 * scale, 22 * scale, 0, Math.PI, 0); g.fill();
      g.fillStyle = '#111'; g.beginPath(); g.arc(x, y - 6 * scale, 13 * scale, 0, Math.PI * 2); g.fill();
    }
  }
  return c.toDataURL('image/jpeg', 0.72);
}, [Number(W), Number(H), Number(seed)]);
writeFileSync(out, Buffer.from(dataUrl.split(',')[1], 'base64'));
await browser.close();
console.log(`wrote ${out}`);
