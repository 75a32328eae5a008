// A county's registered poor villages, with their townships and planned exit years (a table).

import { pick } from '../i18n.js';
import { placeFields } from '../places.js';
import { scopeWhere } from '../state.js';
import { enumColumn, placeColumn, textColumn, yearColumn } from '../table.js';

const PAGE = 500;

/** What the row's provenance says was generated. */
function generated(village) {
  const provenance = village.provenance || {};
  if (provenance.synthetic) return { zh: '占位村（名称为生成）', en: 'placeholder (generated name)' };
  if ((provenance.syntheticFields || []).includes('plannedExitYear')) return { zh: '退出年份为分配', en: 'exit year assigned' };
  return null;
}

export default {
  id: 'county-villages',
  slot: 'county',
  applies: (scope) => scope.level === 'county',
  title: () => ({ zh: '建档立卡贫困村', en: 'Registered poor villages' }),
  unit: { zh: '按乡镇排列', en: 'by township' },
  sources: [
    { doc: 'jiaohe-plan-2016-2020', part: { zh: '表1-2（蛟河市 25 个省级贫困村）', en: 'Table 1-2 (Jiaohe’s 25 provincial poor villages)' } },
    { doc: 'jl-plan-2016-2020', part: { zh: '表1（1,489 个贫困村）', en: 'Table 1 (the 1,489 villages)' } },
  ],
  query: (scope) => `query CountyVillages {
  villages(where: ${scopeWhere(scope, 'village', { registered: { eq: true } })},
           order: [{ township: { name: ASC } }, { name: ASC }], first: ${PAGE}) {
    totalCount
    nodes {
      ${placeFields('Village')}
      township { ${placeFields('Township')} }
      plannedExitYear
      provincialLevel
      provenance { synthetic syntheticFields source { key } reference }
    }
  }
}`,
  table: (data) => ({
    columns: [
      placeColumn('village', { zh: '村', en: 'Village' }, 'Village', (row) => row.values.village),
      placeColumn('township', { zh: '乡镇', en: 'Township' }, 'Township', (row) => row.values.village.township),
      yearColumn('plannedExitYear', { zh: '计划退出年份', en: 'Planned exit year' }, (row) => row.values.village.plannedExitYear),
      enumColumn('provincialLevel', { zh: '省级贫困村', en: 'Provincial-level' }, 'Boolean', (row) => row.values.village.provincialLevel),
      textColumn('generated', { zh: '生成的内容', en: 'Generated' }, (row) => (generated(row.values.village) ? pick(generated(row.values.village)) : null)),
      textColumn('reference', { zh: '出处', en: 'Reference' }, (row) => (row.values.village.provenance || {}).reference),
    ],
    rows: data.villages.nodes.map((village, index) => ({ key: `${index}:${village.name}`, values: { village }, suppressed: false })),
    note: data.villages.totalCount > data.villages.nodes.length
      ? { zh: `共 ${data.villages.totalCount} 个，显示前 ${PAGE} 个。`, en: `${data.villages.totalCount} villages, the first ${PAGE} shown.` }
      : { zh: `共 ${data.villages.totalCount} 个村。`, en: `${data.villages.totalCount} villages.` },
  }),
  chart: null,
};

