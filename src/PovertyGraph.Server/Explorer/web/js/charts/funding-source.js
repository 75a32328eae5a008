// Funding allocations by source (with its level and kind) and year.

import { argumentList } from '../api.js';
import { enumLabel, getLanguage } from '../i18n.js';
import { formatMoney, moneyUnit } from '../format.js';
import { whereArgument } from '../state.js';
import { countColumn, enumColumn, moneyColumn, textColumn, yearColumn } from '../table.js';
import { barOption } from './bars.js';

const LEVELS = ['CENTRAL', 'PROVINCIAL', 'PREFECTURE', 'COUNTY', 'FINANCIAL', 'ENTERPRISE', 'SOCIAL'];

/** A source as the reader sees it: level and name; in English level and kind, with the name as printed below. */
function sourceLabel(source) {
  const level = enumLabel('FundingLevel', source.level);
  return getLanguage() === 'en' ? `${level} · ${enumLabel('FundingKind', source.kind)}\n${source.name}` : `${level} · ${source.name}`;
}

/** The distinct sources of the table, by level (central first), then as the API listed them. */
function sourcesOf(table) {
  const sources = [...new Map(table.rows.map((row) => [row.values.source.name, row.values.source])).values()];
  return sources.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

export default {
  id: 'funding-source',
  slot: 'money',
  title: () => ({ zh: '扶贫资金来源（按来源、层级和年份）', en: 'Poverty funds by source, level and year' }),
  unit: { zh: '单位：元', en: 'yuan' },
  sources: [
    { doc: 'jiaohe-plan-2016-2020', part: { zh: '第六章 资金来源', en: 'chapter 6, funding sources' } },
    { doc: 'jl-yearbook-2012', part: { zh: '资金投入', en: 'funding' } },
    { doc: 'jl-2013-300k', part: { zh: '四（二）', en: 'section 4.2' } },
  ],
  note: {
    zh: '蛟河市 2016—2020 年按来源的总额来自规划，分项目、分年度的分配为生成数据。',
    en: 'Jiaohe’s 2016–2020 totals by source are the plan’s; their split over projects and years is generated.',
  },
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: () => ({ collection: 'fundingAllocations', entity: 'allocation', groupBy: ['SOURCE', 'YEAR'] }),
  query: (scope) => `query FundingBySource {
  fundingAllocations${argumentList(whereArgument(scope, 'allocation'))} {
    groupedAggregates(groupBy: [SOURCE, YEAR]) {
      keys { source { name level kind } year }
      count
      sum { amount }
    }
  }
}`,
  table: (data) => ({
    columns: [
      textColumn('source', { zh: '资金来源', en: 'Source' }, (row) => row.values.source.name),
      enumColumn('sourceLevel', { zh: '层级', en: 'Level' }, 'FundingLevel', (row) => row.values.source.level),
      enumColumn('sourceKind', { zh: '类别', en: 'Kind' }, 'FundingKind', (row) => row.values.source.kind),
      yearColumn('year', { zh: '年份', en: 'Year' }, (row) => row.values.year),
      countColumn('count', { zh: '分配笔数', en: 'Allocations' }, (row) => row.values.count),
      moneyColumn('sum_amount', { zh: '金额', en: 'Amount' }, (row) => row.values.amount),
    ],
    rows: data.fundingAllocations.groupedAggregates.map((group) => ({
      key: `${group.keys.source.name}|${group.keys.year}`,
      values: { source: group.keys.source, year: group.keys.year, count: group.count, amount: group.sum && group.sum.amount },
      suppressed: group.suppressed === true,
    })),
  }),
  height: (table) => 110 + sourcesOf(table).length * (getLanguage() === 'en' ? 46 : 32),
  chart: (table) => {
    const sources = sourcesOf(table);
    const years = [...new Set(table.rows.map((row) => row.values.year))].sort();
    const unit = moneyUnit(Math.max(...table.rows.map((row) => Number(row.values.amount) || 0)));
    const amount = (source, year) => {
      const row = table.rows.find((r) => r.values.source.name === source.name && r.values.year === year);
      return row ? row.values.amount : undefined;
    };
    return barOption({
      horizontal: true,
      categories: sources.map(sourceLabel),
      series: years.map((year) => ({ name: String(year), stack: 'years', values: sources.map((source) => amount(source, year)) })),
      format: (value) => formatMoney(value, unit),
      axisName: unit.label,
      axisFormat: (value) => (value / unit.divisor).toLocaleString(),
    });
  },
};
