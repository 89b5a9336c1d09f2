// Writes the toolbar/store icons (public/icons/icon-{16,32,48,128}.png): a
// rounded blue square with a white "K" and an orange underline, drawn with
// signed distances so every size is anti-aliased. Plain node:zlib, no image
// library. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../public/icons');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Distance from point p to segment ab, all in unit coordinates (0..1).
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function roundedBox(px, py, r) {
  const qx = Math.abs(px - 0.5) - (0.5 - r), qy = Math.abs(py - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const aa = 1 / size;
  const stroke = size <= 16 ? 0.085 : 0.07;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const u = (x + 0.5) / size, v = (y + 0.5) / size;
    const box = roundedBox(u, v, 0.2);
    const bgA = Math.max(0, Math.min(1, 0.5 - box / aa));
    const k = Math.min(
      segDist(u, v, 0.33, 0.2, 0.33, 0.68),
      segDist(u, v, 0.35, 0.47, 0.67, 0.2),
      segDist(u, v, 0.42, 0.41, 0.68, 0.68),
    ) - stroke;
    const kA = Math.max(0, Math.min(1, 0.5 - k / aa));
    const line = segDist(u, v, 0.28, 0.82, 0.72, 0.82) - stroke * 0.8;
    const lA = Math.max(0, Math.min(1, 0.5 - line / aa));
    let r = 0x0b, g = 0x4f, b = 0x9c;
    r = r + (255 - r) * kA; g = g + (255 - g) * kA; b = b + (255 - b) * kA;
    r = r + (0xe6 - r) * lA; g = g + (0x9f - g) * lA; b = b + (0x00 - b) * lA;
    const i = (y * size + x) * 4;
    px[i] = Math.round(r); px[i + 1] = Math.round(g); px[i + 2] = Math.round(b); px[i + 3] = Math.round(bgA * 255);
  }
  return png(size, px);
}

mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(resolve(out, `icon-${size}.png`), draw(size));
}
console.log(`icons written to ${out}`);
