// Place names. The only file that knows about the romanised name field: the explorer asks the schema once, at
// load, which place types have it, and falls back to the Chinese name where they do not.

import { getLanguage } from './i18n.js';

export const PINYIN_FIELD = 'namePinyin';
export const PLACE_TYPES = ['Province', 'Prefecture', 'County', 'Township', 'Village'];

const withPinyin = new Set();

/** The introspection query that finds out which place types have the pinyin field (part of the start-up query). */
export const PINYIN_PROBE = PLACE_TYPES.map((type) => `${type.toLowerCase()}Fields: __type(name: "${type}") { fields { name } }`).join('\n  ');

/** Records what the probe found. */
export function learnPinyin(data) {
  withPinyin.clear();
  for (const type of PLACE_TYPES) {
    const fields = (data[`${type.toLowerCase()}Fields`] || {}).fields || [];
    if (fields.some((field) => field.name === PINYIN_FIELD)) withPinyin.add(type);
  }
}

export function hasPinyin(type) {
  return withPinyin.has(type);
}

/** The fields to select on a place of this type: its name, and its pinyin where the schema has it. */
export function placeFields(type) {
  return hasPinyin(type) ? `name ${PINYIN_FIELD}` : 'name';
}

/** The romanised name, or null. */
export function pinyinOf(place) {
  return (place && place[PINYIN_FIELD]) || null;
}

/** A place as the reader sees it: the Chinese name, and in English also the pinyin ("Jiaohe Shi 蛟河市"). */
export function placeLabel(place) {
  if (!place) return '—';
  const pinyin = pinyinOf(place);
  return getLanguage() === 'en' && pinyin ? `${pinyin} ${place.name}` : place.name;
}

/** The same on two lines, for chart axes. */
export function placeAxisLabel(place) {
  if (!place) return '—';
  const pinyin = pinyinOf(place);
  return getLanguage() === 'en' && pinyin ? `${pinyin}\n${place.name}` : place.name;
}
