// Numbers as a reader expects them: thousands separators, and money in 万元/亿元 (Chinese) or million yuan (English).

import { getLanguage } from './i18n.js';

function locale() {
  return getLanguage() === 'zh' ? 'zh-CN' : 'en-US';
}

/** A whole number with separators: 166,854. */
export function formatCount(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString(locale(), { maximumFractionDigits: 0 });
}

/** Exact yuan with separators: 240,000,000. */
export function formatYuan(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString(locale(), { maximumFractionDigits: 2 });
}

/** The unit money is charted in, chosen from the largest amount: 亿元 or 万元 in Chinese, million yuan in English. */
export function moneyUnit(maxYuan) {
  if (getLanguage() === 'en') return { divisor: 1e6, label: 'million yuan', short: 'M¥' };
  return maxYuan >= 1e8 ? { divisor: 1e8, label: '亿元', short: '亿' } : { divisor: 1e4, label: '万元', short: '万' };
}

/** An amount in a chart unit: "2.40亿元", "¥240.0 million". */
export function formatMoney(yuan, unit) {
  if (yuan === null || yuan === undefined) return '—';
  const scaled = Number(yuan) / unit.divisor;
  const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  const text = scaled.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return getLanguage() === 'en' ? `¥${text} million` : `${text}${unit.label}`;
}
