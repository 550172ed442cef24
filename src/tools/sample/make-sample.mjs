// Builds assets/sample/ from the npm package emoji-datasource-google@16.0.0:
// 40 Noto emoji (64 px PNG) from each of eight categories, in an ImageFolder layout
// (<class>/<name>.png), picked evenly along the package's sort order so every
// sub-category is represented. Usage: node make-sample.mjs <unpacked package dir> <out dir>
// Optional [vendor per-class offset] build another set from another vendor's package (e.g.
// emoji-datasource-twitter: twitter 80 0.5 takes 80 a class, half a step after the sample's picks).
import fs from 'node:fs';
import path from 'node:path';

const [pkg, out, vendor = 'google', perClass = '40', offset = '0'] = process.argv.slice(2);
if (!pkg || !out) {
  console.error('usage: node make-sample.mjs <emoji-datasource-google package dir> <out dir>');
  process.exit(2);
}
const PER_CLASS = Number(perClass);
const OFFSET = Number(offset);
const CLASSES = {
  'Smileys & Emotion': 'smileys',
  'Animals & Nature': 'animals-nature',
  'Food & Drink': 'food-drink',
  'Travel & Places': 'travel-places',
  'Activities': 'activities',
  'Objects': 'objects',
  'Symbols': 'symbols',
  'Flags': 'flags',
};

const emoji = JSON.parse(fs.readFileSync(path.join(pkg, 'emoji.json'), 'utf8'));
for (const [category, folder] of Object.entries(CLASSES)) {
  const members = emoji
    .filter(e => e.category === category && e[`has_img_${vendor}`])
    .sort((a, b) => a.sort_order - b.sort_order);
  const dir = path.join(out, folder);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < PER_CLASS; i++) {
    const e = members[Math.floor((i + OFFSET) * members.length / PER_CLASS)];
    const name = e.short_name.replace(/[^a-z0-9_+-]/gi, '_');
    fs.copyFileSync(path.join(pkg, `img/${vendor}/64`, e.image), path.join(dir, `${name}.png`));
  }
  console.log(`${folder}: ${PER_CLASS} of ${members.length}`);
}
