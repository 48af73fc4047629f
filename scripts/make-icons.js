#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-16.png, -32, -64, -80): the letters "LM" in white on
 * the workbench's teal, drawn from a 5x5 bitmap font and scaled. PNGs are written by hand with
 * zlib (RGBA, 8 bits, no filter) so that no image tool is needed: `node scripts/make-icons.js`.
 * The manifest check reads their IHDR to confirm the sizes the manifest states.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x0f, 0x6c, 0xbd, 0xff]; // Office-like blue
const FOREGROUND = [0xff, 0xff, 0xff, 0xff];

// "LM" on a 10 x 5 grid: L in 4 columns, a blank column, M in 5 columns.
const GLYPHS = ['X    X   X', 'X    XX XX', 'X    X X X', 'X    X   X', 'XXXX X   X'];
const GLYPH_WIDTH = 10;
const GLYPH_HEIGHT = 5;

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function iconPixels(size) {
  // The letters take about 80% of the width, centred; each font pixel is `scale` icon pixels.
  const scale = Math.max(1, Math.floor((size * 0.8) / GLYPH_WIDTH));
  const left = Math.floor((size - GLYPH_WIDTH * scale) / 2);
  const top = Math.floor((size - GLYPH_HEIGHT * scale) / 2);
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - left) / scale);
      const gy = Math.floor((y - top) / scale);
      const on = x >= left && y >= top && gy < GLYPH_HEIGHT && gx < GLYPH_WIDTH && GLYPHS[gy][gx] === 'X';
      Buffer.from(on ? FOREGROUND : BACKGROUND).copy(row, 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(iconPixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

module.exports = { png, SIZES };
