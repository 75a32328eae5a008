// Poor households by primary cause of poverty.

import { argumentList } from '../api.js';
import { enumLabel, t } from '../i18n.js';
import { formatCount } from '../format.js';
import { whereArgument } from '../state.js';
import { countColumn, enumColumn } from '../table.js';
import { barOption, markSuppressed } from './bars.js';

export default {
  id: 'households-cause',
  slot: 'households',
  households: true,
  title: () => ({ zh: '贫困户主要致贫原因', en: 'Poor households by primary cause of poverty' }),
  unit: { zh: '单位：户、人', en: 'households, persons' },
  sources: [{ doc: 'jiaohe-plan-2016-2020', part: { zh: '第一章（按致贫原因）', en: 'chapter 1, by cause' } }],
  note: {
    zh: '蛟河市的致贫原因按文件公布数生成；其他地区的致贫原因为生成数据。',
    en: 'Jiaohe’s causes reproduce the published figures; causes elsewhere are generated.',
  },
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: () => ({ collection: 'households', entity: 'household', groupBy: ['PRIMARY_CAUSE'] }),
  query: (scope) => `query HouseholdsByCause {
  households${argumentList(whereArgument(scope, 'household'))} {
    groupedAggregates(groupBy: [PRIMARY_CAUSE]) {
      keys { primaryCause }
      count
      sum { memberCount }
      suppressed
    }
  }
}`,
  table: (data) => ({
    columns: [
      enumColumn('primaryCause', { zh: '主要致贫原因', en: 'Primary cause' }, 'PovertyCause', (row) => row.values.primaryCause),
      countColumn('count', { zh: '户数（户）', en: 'Households' }, (row) => row.values.households),
      countColumn('sum_memberCount', { zh: '人口（人）', en: 'Persons' }, (row) => row.values.persons),
    ],
    rows: data.households.groupedAggregates.map((group) => ({
      key: group.keys.primaryCause,
      values: { primaryCause: group.keys.primaryCause, households: group.count, persons: group.sum && group.sum.memberCount },
      suppressed: group.suppressed === true,
    })),
  }),
  chart: (table) =>
    barOption({
      horizontal: true,
      categories: table.rows.map((row) => markSuppressed(enumLabel('PovertyCause', row.values.primaryCause), row.suppressed)),
      series: [
        { name: t('unit.households'), values: table.rows.map((row) => row.values.households) },
        { name: t('unit.persons'), values: table.rows.map((row) => row.values.persons) },
      ],
      format: formatCount,
      axisName: `${t('unit.households')} / ${t('unit.persons')}`,
    }),
};
