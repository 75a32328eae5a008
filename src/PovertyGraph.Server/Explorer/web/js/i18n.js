// Every text the page shows, in Chinese and English, and the labels of the API's enum values.
// Place names are not here: they come from the API (see places.js).

const TEXTS = {
  'app.title': { zh: '吉林精准扶贫数据', en: 'Jilin poverty alleviation data' },
  'app.tagline': {
    zh: 'PovertyGraph 开放数据 · 每张图都附有它所用的 GraphQL 查询、CSV 数据和可引用的链接',
    en: 'PovertyGraph open data · every chart comes with its GraphQL query, its figures as CSV and a link to cite',
  },
  'control.place': { zh: '地区', en: 'Place' },
  'control.token': { zh: '令牌', en: 'Token' },
  'control.tokenHelp': {
    zh: '研究人员或政府用户可粘贴访问令牌以查看精确统计数（只保存在本标签页）。',
    en: 'Researchers and officials can paste their access token to see exact figures (kept in this tab only).',
  },
  'control.tokenApply': { zh: '使用', en: 'Use' },
  'control.tokenClear': { zh: '清除', en: 'Clear' },
  'scope.province': { zh: '全省', en: 'whole province' },
  'scope.prefecture': { zh: '（全市/州）', en: '(prefecture)' },
  'viewer.public': {
    zh: '未登录：住户和人口数字为受保护的统计数（少于 5 户的单元格不公布，其余数字有轻微扰动）。',
    en: 'No token: household and person figures are protected statistics (cells under 5 households are suppressed, the others slightly perturbed).',
  },
  'viewer.exact': { zh: '角色 {role}：显示精确统计数。', en: 'Role {role}: exact figures.' },
  'section.exits': { zh: '计划脱贫退出', en: 'Planned exits from poverty' },
  'section.exitsLead': {
    zh: '建档立卡贫困村和贫困人口按计划退出年份统计。',
    en: 'Registered poor villages and poor persons by the year they are planned to exit poverty.',
  },
  'section.households': { zh: '贫困户', en: 'Poor households' },
  'section.householdsLead': {
    zh: '建档立卡贫困户按主要致贫原因和地区统计。所有住户数据均为合成数据，按文件公布的总数生成。',
    en: 'Registered poor households by primary cause of poverty and by place. All household data is synthetic, generated to reproduce the totals the documents publish.',
  },
  'section.money': { zh: '资金与项目', en: 'Funding and projects' },
  'section.moneyLead': {
    zh: '扶贫资金按来源、层级和年份统计；项目按类别统计计划投资。项目明细来自蛟河市规划。',
    en: 'Poverty funds by source, level and year; projects by category with their planned budgets. Project detail comes from Jiaohe’s plan.',
  },
  'section.county': { zh: '{place}：县级页面', en: '{place}: county page' },
  'section.countyLead': {
    zh: '本县（市、区）的建档立卡贫困村和主要项目。',
    en: 'The county’s registered poor villages and its largest projects.',
  },
  'section.plan': { zh: '规划目标与登记数据', en: 'Plan targets and the registry' },
  'section.planLead': {
    zh: '规划文件中的指标与本数据库登记数据并列对照。',
    en: 'The plans’ indicators beside the figures of this registry.',
  },
  'card.query': { zh: 'GraphQL 查询', en: 'GraphQL query' },
  'card.copy': { zh: '复制查询', en: 'Copy query' },
  'card.copied': { zh: '已复制', en: 'Copied' },
  'card.graphiql': { zh: '在 GraphiQL 中打开', en: 'Open in GraphiQL' },
  'card.csv': { zh: '下载 CSV', en: 'Download CSV' },
  'card.link': { zh: '引用链接', en: 'Link to cite' },
  'card.table': { zh: '数据表', en: 'Data table' },
  'card.loading': { zh: '加载中…', en: 'Loading…' },
  'card.empty': { zh: '该地区没有数据。', en: 'No figures for this place.' },
  'card.error': { zh: '无法加载：{message}', en: 'Could not load: {message}' },
  'card.source': { zh: '来源：', en: 'Source: ' },
  'card.protected': { zh: '受保护的统计数', en: 'Protected figures' },
  'card.protectedNote': {
    zh: '数字经轻微扰动（单元格键值法）；少于 5 户的单元格标为“不公布”，不是 0。',
    en: 'Figures are slightly perturbed (cell-key method); cells under 5 households are marked “suppressed”, which is not 0.',
  },
  'card.synthetic': {
    zh: '住户为合成数据，按文件公布的总数生成。',
    en: 'Households are synthetic, generated to reproduce the totals the documents publish.',
  },
  'card.more': { zh: '共 {total} 行，显示前 {shown} 行。', en: '{total} rows, the first {shown} shown.' },
  suppressed: { zh: '不公布', en: 'suppressed' },
  'unit.villages': { zh: '个村', en: 'villages' },
  'unit.persons': { zh: '人', en: 'persons' },
  'unit.households': { zh: '户', en: 'households' },
  'unit.projects': { zh: '个项目', en: 'projects' },
  'unit.yuan': { zh: '元', en: 'yuan' },
  'footer.about': {
    zh: '事实来自五份公开政府文件；住户和人口为合成数据。数据遵守访问角色的脱敏规则。',
    en: 'Facts come from five public government documents; households and persons are synthetic. Figures follow the access rules of your role.',
  },
  'footer.graphiql': { zh: 'GraphiQL 查询编辑器', en: 'GraphiQL query editor' },
  'footer.schema': { zh: 'GraphQL 模式', en: 'GraphQL schema' },
  'footer.dataset': { zh: '数据集版本 {version}（{profile}），合成数据占 {share}。', en: 'Dataset version {version} ({profile}), {share} synthetic.' },
};

const ENUMS = {
  PovertyCause: {
    ILLNESS: ['因病', 'Illness'], DISABILITY: ['因残', 'Disability'], EDUCATION: ['因学', 'Cost of schooling'],
    DISASTER: ['因灾', 'Natural disaster'], LACK_OF_LAND: ['缺土地', 'Lack of land'], LACK_OF_SKILLS: ['缺技术', 'Lack of skills'],
    LACK_OF_LABOR: ['缺劳力', 'Lack of labour'], LACK_OF_CAPITAL: ['缺资金', 'Lack of capital'],
    LACK_OF_MOTIVATION: ['自身发展动力不足', 'Lack of motivation'], OTHER: ['其他', 'Other'],
  },
  FundingLevel: {
    CENTRAL: ['中央', 'Central government'], PROVINCIAL: ['省级', 'Province'], PREFECTURE: ['市州', 'Prefecture'],
    COUNTY: ['县市区本级', 'County'], FINANCIAL: ['金融机构', 'Banks'], ENTERPRISE: ['企业事业单位', 'Enterprises'],
    SOCIAL: ['社会', 'Society'],
  },
  FundingKind: {
    FISCAL_SPECIAL: ['财政专项扶贫资金', 'Fiscal poverty fund'], FISCAL_OTHER: ['其他财政资金', 'Other fiscal funds'],
    LOAN: ['贷款', 'Loans'], SELF_RAISED: ['自筹', 'Self-raised'], DONATION: ['捐助', 'Donations'], OTHER: ['其他', 'Other'],
  },
  ProjectCategory: {
    PLANTING: ['种植业', 'Planting'], LIVESTOCK: ['养殖业', 'Livestock'], PROCESSING: ['农产品加工', 'Farm produce processing'],
    PHOTOVOLTAIC: ['光伏', 'Photovoltaic'], RURAL_TOURISM: ['乡村旅游', 'Rural tourism'], E_COMMERCE: ['电子商务', 'E-commerce'],
    EDUCATION: ['教育', 'Education'], HEALTH: ['健康救助', 'Health'], SOCIAL_SECURITY: ['社会保障兜底', 'Social security'],
    INFRASTRUCTURE: ['基础设施', 'Infrastructure'], RELOCATION: ['易地扶贫搬迁', 'Relocation'], ECOLOGY: ['生态', 'Ecology'],
    EMPLOYMENT: ['就业', 'Employment'], FINANCE: ['金融', 'Finance'], OTHER: ['其他', 'Other'],
  },
  ProjectKind: { PROJECT: ['项目', 'Projects'], PROGRAMME: ['专项资金（无项目个数）', 'Programmes (no project count)'] },
  Role: {
    PUBLIC: ['公众', 'public'], RESEARCHER: ['研究人员', 'researcher'], NGO: ['社会组织', 'NGO'],
    OFFICIAL: ['政府', 'official'], ADMIN: ['管理员', 'admin'],
  },
  Boolean: { true: ['是', 'yes'], false: ['否', 'no'] },
};

export const LANGUAGES = ['zh', 'en'];
let language = 'zh';

/** The browser's language: Chinese for zh-*, English otherwise. */
export function browserLanguage() {
  const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return preferred.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function getLanguage() {
  return language;
}

export function setLanguage(value) {
  language = LANGUAGES.includes(value) ? value : 'zh';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** A text in the current language, with {name} placeholders filled from params. */
export function t(key, params) {
  const entry = TEXTS[key];
  const text = entry ? entry[language] : key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`)) : text;
}

/** A text given inline as { zh, en }. */
export function pick(texts) {
  return texts[language];
}

/** The label of an enum value (or a Boolean) in the current language; the value itself if unknown. */
export function enumLabel(type, value) {
  const labels = ENUMS[type] && ENUMS[type][String(value)];
  return labels ? labels[language === 'zh' ? 0 : 1] : String(value);
}
