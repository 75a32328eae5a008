// Registered poor villages by planned exit year.

import { t } from '../i18n.js';
import { formatCount } from '../format.js';
import { scopeWhere } from '../state.js';
import { countColumn, yearColumn } from '../table.js';
import { barOption } from './bars.js';

export default {
  id: 'exits-villages',
  slot: 'exits',
  title: () => ({ zh: '计划退出的贫困村（按年份）', en: 'Poor villages planned to exit, by year' }),
  unit: { zh: '单位：个村', en: 'villages' },
  sources: [{ doc: 'jl-plan-2016-2020', part: { zh: '表1 建档立卡贫困村年度退出', en: 'Table 1' } }],
  note: {
    zh: '文件只给出各年总数，各村的退出年份按总数分配。',
    en: 'The document gives yearly totals only; each village’s year is assigned to reproduce them.',
  },
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: () => ({ collection: 'villages', entity: 'village', groupBy: ['PLANNED_EXIT_YEAR'], extra: { registered: { eq: true } } }),
  query: (scope) => `query PlannedVillageExits {
  villages(where: ${scopeWhere(scope, 'village', { registered: { eq: true } })}) {
    totalCount
    groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) {
      keys { plannedExitYear }
      count
    }
  }
}`,
  table: (data) => ({
    columns: [
      yearColumn('plannedExitYear', { zh: '计划退出年份', en: 'Planned exit year' }, (row) => row.values.plannedExitYear),
      countColumn('count', { zh: '贫困村（个）', en: 'Villages' }, (row) => row.values.count),
    ],
    rows: data.villages.groupedAggregates.map((group) => ({
      key: String(group.keys.plannedExitYear),
      values: { plannedExitYear: group.keys.plannedExitYear, count: group.count },
      suppressed: group.suppressed === true,
    })),
  }),
  chart: (table) =>
    barOption({
      categories: table.rows.map((row) => String(row.values.plannedExitYear)),
      series: [{ name: t('unit.villages'), values: table.rows.map((row) => row.values.count) }],
      format: formatCount,
      axisName: t('unit.villages'),
    }),
};
