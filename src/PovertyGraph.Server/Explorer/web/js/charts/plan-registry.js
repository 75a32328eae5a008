// The plan targets of a place (planTargets) beside the same figures counted in the registry (a table).
// MEASURES below is the one list of which printed indicators the registry can count, and how.

import { argumentList } from '../api.js';
import { getLanguage, pick } from '../i18n.js';
import { scopeWhere, whereArgument } from '../state.js';
import { countColumn, textColumn, yearColumn } from '../table.js';

/** The year the registry describes: the plans' base year (基数), the end of 2015. */
const BASE_YEAR = 2015;

/**
 * Indicators as the documents print them, with the registry figure that answers them. value(registry, year)
 * returns { value } or { suppressed: true }, or undefined where the registry has no comparable figure (e.g. a
 * stock indicator's target for 2020).
 */
const MEASURES = [
  {
    indicators: ['建档立卡年度脱贫人口', '建档立卡贫困人口脱贫数'],
    label: { zh: '脱贫人口（基数年为总数）', en: 'Persons exiting poverty (base year: all registered)' },
    value: (r, year) => (year === BASE_YEAR ? r.persons : r.personsExiting(year)),
  },
  {
    indicators: ['建档立卡贫困村年度退出', '建档立卡贫困村退出数'],
    label: { zh: '贫困村退出（基数年为总数）', en: 'Villages exiting poverty (base year: all registered)' },
    value: (r, year) => (year === BASE_YEAR ? r.registeredVillages : r.villagesExiting(year)),
  },
  { indicators: ['建档立卡贫困村'], label: { zh: '建档立卡贫困村', en: 'Registered poor villages' }, base: (r) => r.registeredVillages },
  { indicators: ['贫困户数'], label: { zh: '贫困户', en: 'Poor households' }, base: (r) => r.households },
  { indicators: ['贫困人口数', '建档立卡贫困人口'], label: { zh: '贫困人口', en: 'Poor persons' }, base: (r) => r.persons },
  { indicators: ['省级贫困村数量'], label: { zh: '省级贫困村', en: 'Provincial-level poor villages' }, base: (r) => r.provincialVillages },
  { indicators: ['省级贫困村贫困户数'], label: { zh: '省级贫困村的贫困户', en: 'Poor households in provincial villages' }, base: (r) => r.provincialHouseholds },
  { indicators: ['省级贫困村贫困人口数'], label: { zh: '省级贫困村的贫困人口', en: 'Poor persons in provincial villages' }, base: (r) => r.provincialPersons },
];

/** Counts are compared only where the document counts in the same unit (not 万人). */
const COUNTED_UNITS = ['人', '个', '户'];

function measureOf(target) {
  if (!COUNTED_UNITS.includes(target.unit)) return null;
  return MEASURES.find((measure) => measure.indicators.includes(target.indicator)) || null;
}

function figure(aggregates) {
  if (!aggregates || aggregates.suppressed) return { suppressed: true };
  return { value: aggregates.count, persons: aggregates.sum && aggregates.sum.memberCount };
}

/** The registry's figures from the query's answer. */
function registryOf(data) {
  const households = figure(data.households.aggregates);
  const provincial = figure(data.provincialVillageHouseholds.aggregates);
  const exitGroup = (year) => data.households.groupedAggregates.find((group) => group.keys.plannedExitYear === year);
  const villageGroup = (year) => data.registeredVillages.groupedAggregates.find((group) => group.keys.plannedExitYear === year);
  const persons = (f) => (f.suppressed ? f : { value: f.persons });
  return {
    households,
    persons: persons(households),
    provincialHouseholds: provincial,
    provincialPersons: persons(provincial),
    registeredVillages: { value: data.registeredVillages.totalCount },
    provincialVillages: { value: data.provincialVillages.totalCount },
    // A year with no group has no one planned to exit then: the registry's figure is 0.
    personsExiting: (year) => (exitGroup(year) ? persons(figure(exitGroup(year))) : { value: 0 }),
    villagesExiting: (year) => ({ value: villageGroup(year) ? villageGroup(year).count : 0 }),
  };
}

/** The printed value as a number, when it is one ("5832户" → 5832); null for words and ranges. */
function printedNumber(target) {
  const match = /^([\d.]+)(\S*)$/.exec((target.valueText || '').replace(/,/g, ''));
  return match && (match[2] === '' || match[2] === target.unit || match[2] === '个') ? Number(match[1]) : null;
}

export default {
  id: 'plan-registry',
  slot: 'plan',
  wide: true,
  households: true,
  applies: (scope) => scope.level !== 'prefecture',
  title: () => ({ zh: '规划目标与登记数据对照', en: 'Plan targets beside the registry' }),
  unit: { zh: '单位：人、户、个', en: 'persons, households, villages' },
  sources: [
    { doc: 'jl-plan-2016-2020', part: { zh: '表1（全省）', en: 'Table 1 (province)' } },
    { doc: 'jiaohe-plan-2016-2020', part: { zh: '第一章、表2-1（蛟河市）', en: 'chapter 1, Table 2-1 (Jiaohe)' } },
  ],
  note: {
    zh: '登记数据中村的退出年份按全省规划（2017年）分配，与蛟河市规划（2016年）不同时两者并列。',
    en: 'The registry follows the province’s plan of 2017 for village exit years; where Jiaohe’s own plan of 2016 differs, both are shown.',
  },
  query: (scope) => `query PlanAndRegistry {
  planTargets(where: ${scopeWhere(scope, 'target')}, order: [{ indicator: ASC }, { year: ASC }], first: 500) {
    nodes { indicator unit year valueText attribute provenance { source { key } reference } }
  }
  registeredVillages: villages(where: ${scopeWhere(scope, 'village', { registered: { eq: true } })}) {
    totalCount
    groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count }
  }
  provincialVillages: villages(where: ${scopeWhere(scope, 'village', { provincialLevel: { eq: true } })}) { totalCount }
  households${argumentList(whereArgument(scope, 'household'))} {
    aggregates { count sum { memberCount } suppressed }
    groupedAggregates(groupBy: [PLANNED_EXIT_YEAR]) { keys { plannedExitYear } count sum { memberCount } suppressed }
  }
  provincialVillageHouseholds: households(where: ${scopeWhere(scope, 'household', { village: { provincialLevel: { eq: true } } })}) {
    aggregates { count sum { memberCount } suppressed }
  }
}`,
  table: (data) => {
    const registry = registryOf(data);
    const rows = [];
    for (const target of data.planTargets.nodes) {
      const measure = measureOf(target);
      if (!measure) continue;
      const found = measure.value ? measure.value(registry, target.year) : target.year === BASE_YEAR ? measure.base(registry) : undefined;
      if (!found) continue;
      const plan = printedNumber(target);
      rows.push({
        key: `${target.indicator}|${target.year}`,
        values: {
          measure,
          target,
          plan,
          registry: found.suppressed ? null : found.value,
          difference: found.suppressed || plan === null ? null : found.value - plan,
        },
        suppressed: found.suppressed === true,
      });
    }
    return {
      columns: [
        textColumn('measure', { zh: '指标', en: 'Measure' }, (row) => pick(row.values.measure.label)),
        textColumn('indicator', { zh: '文件中的指标', en: 'Indicator as printed' }, (row) => row.values.target.indicator),
        yearColumn('year', { zh: '年份', en: 'Year' }, (row) => row.values.target.year),
        textColumn('plan', { zh: '规划目标', en: 'Plan target' }, (row) => row.values.target.valueText),
        countColumn('registry', { zh: '登记数据', en: 'Registry' }, (row) => row.values.registry),
        countColumn('difference', { zh: '差额（登记−规划）', en: 'Difference (registry − plan)' }, (row) => row.values.difference),
        textColumn('reference', { zh: '出处', en: 'Reference' }, (row) => referenceOf(row.values.target)),
      ],
      rows,
    };
  },
  chart: null,
};

function referenceOf(target) {
  const provenance = target.provenance || {};
  const key = provenance.source ? provenance.source.key : '';
  return [key, provenance.reference].filter(Boolean).join(getLanguage() === 'en' ? ': ' : '：');
}
