// Projects by category, with their planned budgets; programmes (budget lines with no project count) apart.

import { argumentList } from '../api.js';
import { enumLabel, t } from '../i18n.js';
import { formatCount, formatMoney, moneyUnit } from '../format.js';
import { whereArgument } from '../state.js';
import { countColumn, enumColumn, moneyColumn } from '../table.js';
import { barOption } from './bars.js';

export default {
  id: 'projects-category',
  slot: 'money',
  title: () => ({ zh: '扶贫项目（按类别）及计划投资', en: 'Projects by category, with their planned budgets' }),
  unit: { zh: '单位：元', en: 'yuan' },
  sources: [{ doc: 'jiaohe-plan-2016-2020', part: { zh: '第六章 资金投向', en: 'chapter 6, use of funds' } }],
  note: {
    zh: '蛟河市各类别的项目数和投资额来自规划，单个项目为生成数据。',
    en: 'Jiaohe’s project counts and budgets by category are the plan’s; the individual projects are generated.',
  },
  // The server's grouped table of the same grouping is the chart's CSV (links.js).
  download: () => ({ collection: 'projects', entity: 'project', groupBy: ['CATEGORY', 'KIND'] }),
  query: (scope) => `query ProjectsByCategory {
  projects${argumentList(whereArgument(scope, 'project'))} {
    groupedAggregates(groupBy: [CATEGORY, KIND]) {
      keys { category kind }
      count
      sum { budget }
    }
  }
}`,
  table: (data) => ({
    columns: [
      enumColumn('category', { zh: '类别', en: 'Category' }, 'ProjectCategory', (row) => row.values.category),
      enumColumn('kind', { zh: '性质', en: 'Kind' }, 'ProjectKind', (row) => row.values.kind),
      countColumn('count', { zh: '个数', en: 'Number' }, (row) => row.values.count),
      moneyColumn('sum_budget', { zh: '计划投资', en: 'Planned budget' }, (row) => row.values.budget),
    ],
    rows: data.projects.groupedAggregates.map((group) => ({
      key: `${group.keys.category}|${group.keys.kind}`,
      values: { category: group.keys.category, kind: group.keys.kind, count: group.count, budget: group.sum && group.sum.budget },
      suppressed: group.suppressed === true,
    })),
  }),
  height: (table) => 110 + new Set(table.rows.map((row) => row.values.category)).size * 30,
  chart: (table) => {
    const categories = [...new Set(table.rows.map((row) => row.values.category))];
    const kinds = [...new Set(table.rows.map((row) => row.values.kind))];
    const unit = moneyUnit(Math.max(...table.rows.map((row) => Number(row.values.budget) || 0)));
    const find = (category, kind) => table.rows.find((row) => row.values.category === category && row.values.kind === kind);
    const projects = (category) => {
      const row = find(category, 'PROJECT');
      return row ? ` · ${formatCount(row.values.count)} ${t('unit.projects')}` : '';
    };
    return barOption({
      horizontal: true,
      categories: categories.map((category) => `${enumLabel('ProjectCategory', category)}${projects(category)}`),
      series: kinds.map((kind) => ({
        name: enumLabel('ProjectKind', kind),
        stack: 'kinds',
        values: categories.map((category) => (find(category, kind) || { values: {} }).values.budget),
      })),
      format: (value) => formatMoney(value, unit),
      axisName: unit.label,
      axisFormat: (value) => (value / unit.divisor).toLocaleString(),
    });
  },
};
