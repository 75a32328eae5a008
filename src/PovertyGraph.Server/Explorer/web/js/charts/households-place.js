// Poor households by the places one level below the one shown: counties of the province or a prefecture,
// townships of a county.

import { argumentList } from '../api.js';
import { t } from '../i18n.js';
import { formatCount } from '../format.js';
import { placeAxisLabel, placeFields } from '../places.js';
import { whereArgument } from '../state.js';
import { countColumn, placeColumn } from '../table.js';
import { barOption, markSuppressed } from './bars.js';

/** The level the chart breaks the place down by. */
function below(scope) {
  return scope && scope.level === 'county'
    ? { dimension: 'TOWNSHIP', field: 'township', type: 'Township', zh: '乡镇', en: 'township' }
    : { dimension: 'COUNTY', field: 'county', type: 'County', zh: '县（市、区）', en: 'county' };
}

export default {
  id: 'households-place',
  slot: 'households',
  households: true,
  title: (scope) => {
    const level = below(scope);
    return { zh: `贫困户（按${level.zh}）`, en: `Poor households by ${level.en}` };
  },
  unit: { zh: '单位：户、人', en: 'households, persons' },
  sources: [
    { doc: 'jiaohe-plan-2016-2020', part: { zh: '表1-1（蛟河市各乡镇）', en: 'Table 1-1 (Jiaohe by township)' } },
    { doc: 'jl-plan-2016-2020', part: { zh: '表1（全省总数）', en: 'Table 1 (province total)' } },
  ],
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: (scope) => ({ collection: 'households', entity: 'household', groupBy: [below(scope).dimension] }),
  query: (scope) => {
    const level = below(scope);
    return `query HouseholdsByPlace {
  households${argumentList(whereArgument(scope, 'household'))} {
    groupedAggregates(groupBy: [${level.dimension}]) {
      keys { ${level.field} { ${placeFields(level.type)} } }
      count
      sum { memberCount }
      suppressed
    }
  }
}`;
  },
  table: (data, scope) => {
    const level = below(scope);
    return {
      columns: [
        placeColumn(level.field, { zh: level.zh, en: level.en[0].toUpperCase() + level.en.slice(1) }, level.type, (row) => row.values.place),
        countColumn('count', { zh: '户数（户）', en: 'Households' }, (row) => row.values.households),
        countColumn('sum_memberCount', { zh: '人口（人）', en: 'Persons' }, (row) => row.values.persons),
      ],
      rows: data.households.groupedAggregates.map((group) => ({
        key: group.keys[level.field].name,
        values: { place: group.keys[level.field], households: group.count, persons: group.sum && group.sum.memberCount },
        suppressed: group.suppressed === true,
      })),
    };
  },
  height: (table) => (table.rows.length > 12 ? 90 + table.rows.length * 26 : null),
  chart: (table) =>
    barOption({
      horizontal: table.rows.length > 12,
      categories: table.rows.map((row) => markSuppressed(placeAxisLabel(row.values.place), row.suppressed)),
      series: [
        { name: t('unit.households'), values: table.rows.map((row) => row.values.households) },
        { name: t('unit.persons'), values: table.rows.map((row) => row.values.persons) },
      ],
      format: formatCount,
      axisName: `${t('unit.households')} / ${t('unit.persons')}`,
    }),
};
