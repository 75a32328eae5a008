// A county's largest projects by planned budget (a table).

import { argumentList, enumValue } from '../api.js';
import { placeFields } from '../places.js';
import { whereArgument } from '../state.js';
import { countColumn, enumColumn, moneyColumn, placeColumn, textColumn } from '../table.js';

const PAGE = 20;

export default {
  id: 'county-projects',
  slot: 'county',
  applies: (scope) => scope.level === 'county',
  title: () => ({ zh: `投资最多的 ${PAGE} 个项目`, en: `The ${PAGE} largest projects` }),
  unit: { zh: '按计划投资排列', en: 'by planned budget' },
  sources: [{ doc: 'jiaohe-plan-2016-2020', part: { zh: '第六章', en: 'chapter 6' } }],
  note: {
    zh: '单个项目为生成数据：名称、村和金额按规划的分类总数生成。',
    en: 'Individual projects are generated: names, villages and amounts reproduce the plan’s totals by category.',
  },
  query: (scope) => `query CountyProjects {
  projects${argumentList(whereArgument(scope, 'project', { kind: { eq: enumValue('PROJECT') } }), 'order: [{ budget: DESC }]', `first: ${PAGE}`)} {
    totalCount
    nodes {
      name
      category
      budget
      startYear
      endYear
      village { ${placeFields('Village')} }
      allocations { totalCount }
    }
  }
}`,
  table: (data) => ({
    columns: [
      textColumn('name', { zh: '项目', en: 'Project' }, (row) => row.values.project.name),
      enumColumn('category', { zh: '类别', en: 'Category' }, 'ProjectCategory', (row) => row.values.project.category),
      placeColumn('village', { zh: '村', en: 'Village' }, 'Village', (row) => row.values.project.village),
      textColumn('years', { zh: '年份', en: 'Years' }, (row) => years(row.values.project)),
      countColumn('allocations', { zh: '资金分配笔数', en: 'Allocations' }, (row) => row.values.project.allocations.totalCount),
      moneyColumn('budget', { zh: '计划投资', en: 'Planned budget' }, (row) => row.values.project.budget),
    ],
    rows: data.projects.nodes.map((project, index) => ({ key: `${index}:${project.name}`, values: { project }, suppressed: false })),
    note: { zh: `共 ${data.projects.totalCount} 个项目。`, en: `${data.projects.totalCount} projects in all.` },
  }),
  chart: null,
};

function years(project) {
  return project.startYear === project.endYear ? String(project.startYear) : `${project.startYear}–${project.endYear}`;
}

