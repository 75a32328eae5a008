// Poor persons (and households) by planned exit year.

import { t } from '../i18n.js';
import { formatCount } from '../format.js';
import { argumentList } from '../api.js';
import { whereArgument } from '../state.js';
import { countColumn, yearColumn } from '../table.js';
import { barOption, markSuppressed } from './bars.js';

export default {
  id: 'exits-persons',
  slot: 'exits',
  households: true,
  title: () => ({ zh: '计划脱贫人口（按年份）', en: 'Poor persons planned to exit poverty, by year' }),
  unit: { zh: '单位：人、户', en: 'persons, households' },
  sources: [
    { doc: 'jl-plan-2016-2020', part: { zh: '表1 建档立卡年度脱贫人口', en: 'Table 1' } },
    { doc: 'jiaohe-plan-2016-2020', part: { zh: '表2-1', en: 'Table 2-1' } },
  ],
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: () => ({ collection: 'households', entity: 'household', groupBy: ['PLANNED_EXIT_YEAR'] }),
  query: (scope) => `query PlannedPersonExits {
  households${argumentList(whereArgument(scope, 'household'))} {
    groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) {
      keys { plannedExitYear }
      count
      sum { memberCount }
      suppressed
    }
  }
}`,
  table: (data) => ({
    columns: [
      yearColumn('plannedExitYear', { zh: '计划退出年份', en: 'Planned exit year' }, (row) => row.values.plannedExitYear),
      countColumn('sum_memberCount', { zh: '人口（人）', en: 'Persons' }, (row) => row.values.persons),
      countColumn('count', { zh: '户数（户）', en: 'Households' }, (row) => row.values.households),
    ],
    rows: data.households.groupedAggregates.map((group) => ({
      key: String(group.keys.plannedExitYear),
      values: { plannedExitYear: group.keys.plannedExitYear, persons: group.sum && group.sum.memberCount, households: group.count },
      suppressed: group.suppressed === true,
    })),
  }),
  chart: (table) =>
    barOption({
      categories: table.rows.map((row) => markSuppressed(String(row.values.plannedExitYear), row.suppressed)),
      series: [
        { name: t('unit.persons'), values: table.rows.map((row) => row.values.persons) },
        { name: t('unit.households'), values: table.rows.map((row) => row.values.households) },
      ],
      format: formatCount,
      axisName: `${t('unit.persons')} / ${t('unit.households')}`,
    }),
};
