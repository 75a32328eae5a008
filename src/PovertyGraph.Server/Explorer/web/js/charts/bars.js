// The bar charts the explorer draws, as ECharts options built from a chart's table. Values withheld by the
// statistics rule are ECharts' empty value '-' (no bar, never 0), and their category is marked ⊘.

import { t } from '../i18n.js';

export const PALETTE = ['#2f6f9f', '#e07b39', '#6a994e', '#8e5572', '#d1a638', '#4d908e', '#9c6644', '#577590', '#b5838d'];

/** Marks a withheld category on the axis. */
export function markSuppressed(label, suppressed) {
  return suppressed ? `${label} ⊘` : label;
}

/**
 * categories: axis labels; series: [{ name, values: [number | null | undefined], stack? }]; format(value) for tooltips;
 * axisName: the unit; horizontal: bars along the x axis (long labels).
 */
export function barOption({ categories, series, format, axisName, horizontal = false, axisFormat }) {
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, hideOverlap: false, lineHeight: 15, rotate: !horizontal && categories.length > 8 ? 40 : 0 },
    inverse: horizontal,
  };
  const valueAxis = {
    type: 'value',
    name: axisName,
    nameTextStyle: { align: horizontal ? 'right' : 'left', color: '#555' },
    axisLabel: axisFormat ? { formatter: axisFormat } : {},
    splitLine: { lineStyle: { color: '#e6e6e6' } },
  };
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif' },
    // No containLabel: ECharts 6 keeps axis labels inside the chart by itself, measuring every label.
    grid: { left: 8, right: horizontal ? 48 : 16, top: series.length > 1 ? 52 : 36, bottom: 8 },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => tooltip(params, format),
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: s.stack,
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
      // null: withheld (suppressed); undefined: no such cell (e.g. a source with no money that year).
      data: s.values.map((value) => (value === null ? { value: '-', suppressed: true } : value === undefined ? '-' : value)),
    })),
  };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function tooltip(params, format) {
  const items = Array.isArray(params) ? params : [params];
  if (!items.length) return '';
  const lines = [`<strong>${escapeHtml(items[0].axisValueLabel || items[0].name)}</strong>`];
  for (const item of items) {
    const withheld = item.data && item.data.suppressed;
    if (!withheld && (item.value === '-' || item.value === undefined)) continue;
    lines.push(`${item.marker}${escapeHtml(item.seriesName)}: <b>${escapeHtml(withheld ? t('suppressed') : format(item.value))}</b>`);
  }
  return lines.join('<br/>');
}
