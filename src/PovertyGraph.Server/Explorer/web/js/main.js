// The explorer's start: read the view from the URL, ask the server once what it offers (places, documents, the
// caller's role, which place types have a romanised name), then draw every chart that applies to the place.

import { graphql, setToken, token } from './api.js';
import { Card } from './card.js';
import { browserLanguage, enumLabel, getLanguage, setLanguage, t } from './i18n.js';
import { PINYIN_PROBE, learnPinyin, placeFields, placeLabel } from './places.js';
import { DOCUMENTS_QUERY, documentsByKey } from './sources.js';
import { readState, writeState } from './state.js';
import { CHARTS } from './charts/index.js';

const context = {
  state: readState(location),
  documents: new Map(),
  exactStatistics: false,
  role: 'PUBLIC',
  province: null,
  prefectures: [],
  counties: [],
  scopeLabel: '',
};
const cards = new Map();

function startupQuery() {
  return `query ExplorerStart {
  me { role exactStatistics }
  dataset { version profile syntheticShare }
  ${DOCUMENTS_QUERY}
  ${PINYIN_PROBE}
}`;
}

function placesQuery() {
  return `query ExplorerPlaces {
  provinces(first: 5) { nodes { ${placeFields('Province')} } }
  prefectures(first: 50) { nodes { ${placeFields('Prefecture')} code } }
  counties(first: 200, order: [{ code: ASC }]) { nodes { ${placeFields('County')} code prefecture { name } } }
}`;
}

async function start() {
  setLanguage(context.state.lang || browserLanguage());
  bindControls();
  translateStatic();
  try {
    const start = await graphql(startupQuery());
    learnPinyin(start);
    context.documents = documentsByKey(start);
    context.role = start.me.role;
    context.exactStatistics = start.me.exactStatistics;
    context.dataset = start.dataset;
    const places = await graphql(placesQuery());
    context.province = places.provinces.nodes[0];
    context.prefectures = places.prefectures.nodes;
    context.counties = places.counties.nodes;
  } catch (error) {
    showFailure(error);
    return;
  }
  resolveScope();
  fillScopeSelector();
  translateStatic();
  await showScope();
  document.body.dataset.ready = 'true';
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

/** Checks the place named in the URL against the API's places; an unknown one falls back to the province. */
function resolveScope() {
  const scope = context.state.scope;
  const known = scope.level === 'county' ? context.counties : scope.level === 'prefecture' ? context.prefectures : [];
  if (scope.level !== 'province' && !known.some((place) => place.name === scope.name)) {
    context.state.scope = { level: 'province', name: null };
  }
  if (context.state.scope.level === 'province') context.state.scope.name = context.province.name;
}

function currentPlace() {
  const { level, name } = context.state.scope;
  if (level === 'province') return context.province;
  return (level === 'county' ? context.counties : context.prefectures).find((place) => place.name === name);
}

/** Creates the cards that apply to the place, drops the others, and loads them all. */
async function showScope() {
  const scope = context.state.scope;
  context.scopeLabel = placeLabel(currentPlace());
  const county = document.getElementById('county');
  county.hidden = scope.level !== 'county';
  document.getElementById('county-title').textContent = t('section.county', { place: context.scopeLabel });
  for (const definition of CHARTS) {
    const applies = !definition.applies || definition.applies(scope);
    if (applies && !cards.has(definition.id)) {
      cards.set(definition.id, new Card(definition, document.querySelector(`[data-slot="${definition.slot}"]`)));
    } else if (!applies && cards.has(definition.id)) {
      cards.get(definition.id).dispose();
      cards.delete(definition.id);
    }
  }
  document.getElementById('plan').hidden = !cards.has('plan-registry');
  await Promise.all([...cards.values()].map((card) => card.load(context)));
}

function fillScopeSelector() {
  const select = document.getElementById('scope');
  select.replaceChildren();
  const option = (level, place, text) => {
    const element = new Option(text, `${level}:${place.name}`);
    element.selected = context.state.scope.level === level && context.state.scope.name === place.name;
    return element;
  };
  select.appendChild(option('province', context.province, `${placeLabel(context.province)} ${t('scope.province')}`));
  for (const prefecture of context.prefectures) {
    const group = document.createElement('optgroup');
    group.label = placeLabel(prefecture);
    group.appendChild(option('prefecture', prefecture, `${placeLabel(prefecture)} ${t('scope.prefecture')}`));
    for (const county of context.counties.filter((c) => c.prefecture && c.prefecture.name === prefecture.name)) {
      group.appendChild(option('county', county, placeLabel(county)));
    }
    select.appendChild(group);
  }
  select.disabled = false;
}

function bindControls() {
  document.getElementById('controls').addEventListener('submit', (event) => event.preventDefault());
  document.getElementById('scope').addEventListener('change', async (event) => {
    const [level, ...rest] = event.target.value.split(':');
    context.state.scope = { level, name: rest.join(':') };
    writeState(withoutProvinceName(context.state));
    await showScope();
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => switchLanguage(button.dataset.lang));
  }
  const input = document.getElementById('token');
  document.getElementById('token-apply').addEventListener('click', () => changeToken(input.value));
  document.getElementById('token-clear').addEventListener('click', () => {
    input.value = '';
    changeToken('');
  });
  window.addEventListener('resize', () => cards.forEach((card) => card.resize()));
}

/** The state for the URL: the province is the default, so it is not named there. */
function withoutProvinceName(state) {
  return state.scope.level === 'province' ? { ...state, scope: { level: 'province', name: null } } : state;
}

/** Redraws everything in the other language from the figures already loaded (no new requests). */
function switchLanguage(language) {
  setLanguage(language);
  context.state.lang = language;
  writeState(withoutProvinceName(context.state));
  translateStatic();
  if (!context.province) return;
  fillScopeSelector();
  context.scopeLabel = placeLabel(currentPlace());
  document.getElementById('county-title').textContent = t('section.county', { place: context.scopeLabel });
  cards.forEach((card) => card.render(context));
}

async function changeToken(value) {
  setToken(value);
  try {
    const me = (await graphql('query Me { me { role exactStatistics } }')).me;
    context.role = me.role;
    context.exactStatistics = me.exactStatistics;
  } catch (error) {
    setToken('');
    showFailure(error);
    return;
  }
  document.getElementById('failure').hidden = true;
  translateStatic();
  await showScope();
}

function translateStatic() {
  for (const element of document.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === getLanguage()));
  document.title = `${t('app.title')} · PovertyGraph`;
  document.getElementById('token').value = token();
  document.getElementById('viewer').textContent = context.exactStatistics
    ? t('viewer.exact', { role: enumLabel('Role', context.role) })
    : t('viewer.public');
  const dataset = context.dataset;
  document.getElementById('dataset').textContent = dataset
    ? t('footer.dataset', { version: dataset.version, profile: dataset.profile, share: `${Math.round(dataset.syntheticShare * 100)}%` })
    : '';
}

function showFailure(error) {
  const failure = document.getElementById('failure');
  failure.textContent = t('card.error', { message: error.message });
  failure.hidden = false;
}

start();
