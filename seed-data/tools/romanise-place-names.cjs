// Writes the namePinyin column of the five place files of seed-data, and prints the character readings the
// synthetic-data generator uses for placeholder names. Run once, by hand, after a name changes:
//
//   npm install --prefix /tmp/pinyin pinyin-pro@3.29
//   NODE_PATH=/tmp/pinyin/node_modules node seed-data/tools/romanise-place-names.cjs seed-data
//   NODE_PATH=/tmp/pinyin/node_modules node seed-data/tools/romanise-place-names.cjs --readings
//
// The rule (seed-data/README.md, "Romanised names"): Hanyu Pinyin without tone marks; the specific part of a name
// (专名) is one word, each generic part (通名: 省, 市, 县, 乡, 镇, 村 ... and an ethnic qualifier such as 满族) is
// a word of its own; a one-syllable specific part is joined to its generic (老村 Laocun); every word starts with a
// capital; an apostrophe goes before a syllable starting with a, o or e inside a word (大安 Da'an), as in
// GB/T 16159. pinyin-pro reads characters in context; HAND lists the readings it gets wrong for place names.
'use strict';
const fs = require('fs');
const path = require('path');
const { pinyin } = require('pinyin-pro');

// Generic parts, longest first. Each maps to its words.
const GENERICS = [
  ['朝鲜族自治州', ['Chaoxianzu', 'Zizhizhou']], ['朝鲜族村', ['Chaoxianzu', 'Cun']], ['满族镇', ['Manzu', 'Zhen']],
  ['满族乡', ['Manzu', 'Xiang']], ['农垦区', ['Nongkenqu']], ['街道', ['Jiedao']], ['省', ['Sheng']], ['市', ['Shi']],
  ['县', ['Xian']], ['区', ['Qu']], ['镇', ['Zhen']], ['乡', ['Xiang']], ['街', ['Jie']], ['村', ['Cun']],
];

// Specific parts whose reading pinyin-pro gets wrong, checked by hand (seed-data/README.md lists them).
const HAND = {
  '珲春': ['hun', 'chun'],       // not hui: 珲 reads hún in 珲春
  '六合': ['liu', 'he'],         // Jilin's 六合村 is Liuhe (Nanjing's 六合 is Luhe)
  '六道': ['liu', 'dao'],
  '六马架': ['liu', 'ma', 'jia'],
  '四青咀': ['si', 'qing', 'zui'], // 咀 = 嘴 in place names
  '莽卡': ['mang', 'ka'],
  '长进': ['chang', 'jin'],      // not zhang: 长 in place names is chang
  '什华道': ['shi', 'hua', 'dao'], // 什 reads shí in place names
  '嘎什根': ['ga', 'shi', 'gen'],
  '柞树': ['zuo', 'shu'],        // 柞树 (oak) is zuò
};

// Whole names that are not "specific + generic": parentheses keep the printed note.
const WHOLE = {
  '富余（乐）村': 'Fuyu (Le) Cun',
  '北城村（原半城村）': 'Beicheng Cun (Yuan Bancheng Cun)',
};

function syllables(text) {
  if (HAND[text]) return HAND[text];
  return pinyin(text, { toneType: 'none', type: 'array' });
}

const capital = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** One word from syllables: joined, apostrophe before a/o/e after the first syllable. */
function word(parts) {
  return capital(parts.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? "'" + s : s)).join(''));
}

function romanise(name) {
  if (WHOLE[name]) return WHOLE[name];
  const generic = GENERICS.find(([suffix]) => name.endsWith(suffix) && name.length > suffix.length);
  if (!generic) return word(syllables(name));
  const specific = name.slice(0, name.length - generic[0].length);
  const parts = syllables(specific);
  if (parts.length === 1) return word([...parts, ...generic[1].map((g) => g.toLowerCase())]);
  return [word(parts), ...generic[1]].join(' ');
}

// ------------------------------------------------------------------ CSV (the seed-data format: RFC 4180, \n)

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const quote = (f) => (/[",\n]/.test(f) ? '"' + f.replace(/"/g, '""') + '"' : f);

function writeFile(file) {
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const header = rows[0];
  if (!header.includes('namePinyin')) {
    const at = header.indexOf('name') + 1;
    rows.forEach((r, i) => r.splice(at, 0, i === 0 ? 'namePinyin' : ''));
  }
  const name = header.indexOf('name'), romanised = header.indexOf('namePinyin');
  const synthetic = header.indexOf('synthetic'), fields = header.indexOf('syntheticFields');
  for (const r of rows.slice(1)) {
    r[romanised] = romanise(r[name]);
    // The romanised name is ours, not the document's: listed among the row's supplied fields.
    const list = r[fields] ? r[fields].split(';') : [];
    if (r[synthetic] === 'false' && !list.includes('namePinyin')) r[fields] = [...list, 'namePinyin'].join(';');
  }
  fs.writeFileSync(file, rows.map((r) => r.map(quote).join(',')).join('\n') + '\n');
  return rows.length - 1;
}

// The characters of NameFactory.PlaceFirst / PlaceSecond (src/PovertyGraph.Data/Generation/NameFactory.cs).
const PLACEHOLDER_CHARS = '东西南北前后上下大小新老太长永兴福安和平宝金银石红青黄白松柳杨榆桦榛梨杏枫双三五七九靠岔沟岭岗泉河湖川'
  + '山河岭沟泉甸岗屯台营堡园林川湾原阳丰兴发胜利合顺安乐平宁盛源家利民和丰';
// Readings as place names, checked by hand where pinyin-pro's single-character default differs.
const PLACEHOLDER_HAND = { 长: 'chang', 和: 'he', 乐: 'le', 大: 'da', 石: 'shi', 盛: 'sheng', 甸: 'dian', 堡: 'bao', 屯: 'tun', 家: 'jia', 合: 'he', 南: 'nan' };

if (process.argv[2] === '--readings') {
  const chars = [...new Set(PLACEHOLDER_CHARS)];
  const entries = chars.map((c) => `['${c}'] = "${PLACEHOLDER_HAND[c] ?? pinyin(c, { toneType: 'none' })}"`);
  console.log(entries.join(', '));
} else {
  const folder = process.argv[2] ?? 'seed-data';
  for (const f of ['provinces.csv', 'prefectures.csv', 'counties.csv', 'townships.csv', 'villages.csv'])
    console.log(f, writeFile(path.join(folder, f)), 'rows');
}
