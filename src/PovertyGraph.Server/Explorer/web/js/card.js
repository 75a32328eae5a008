// One chart on the page: its title, the chart, where the figures come from, and what a reader can do with them
// (see the query, copy it, open it in GraphiQL, download the CSV, copy a link to cite). A chart definition
// (charts/*.js) says what to ask and how to draw it; the card does the rest the same way for every chart.

import { graphqlWithReceipt } from './api.js';
import { getLanguage, pick, t } from './i18n.js';
import { citableLink, csvDownload, graphiqlLink, saveDownload } from './links.js';
import { renderTable } from './table.js';
import { sourceLine } from './sources.js';

export class Card {
  constructor(definition, host) {
    this.definition = definition;
    this.id = definition.id;
    this.table = null;
    this.query = '';
    this.chart = null;
    this.element = build(definition);
    host.appendChild(this.element);
    this.element.querySelector('.copy-query').addEventListener('click', () => this.copyQuery());
    this.receipt = null;
    this.download = null;
    // A server download is fetched with the user's token, not followed as a plain link (see links.js).
    this.element.querySelector('.csv').addEventListener('click', (event) => {
      if (!this.download || !this.download.server) return;
      event.preventDefault();
      saveDownload(this.download.href, this.download.filename).catch((error) => {
        this.element.querySelector('.status').textContent = t('card.error', { message: error.message });
      });
    });
  }

  /** Asks the API for the chart's figures and draws them. */
  async load(context) {
    this.query = this.definition.query(context.state.scope);
    this.table = null;
    this.receipt = null;
    this.setState('loading');
    this.render(context);
    try {
      const { data, receipt } = await graphqlWithReceipt(this.query);
      this.receipt = receipt;
      this.table = this.definition.table(data, context.state.scope);
      this.render(context);
      this.setState(this.table.rows.length ? 'ready' : 'empty');
    } catch (error) {
      this.element.querySelector('.status').textContent = t('card.error', { message: error.message });
      this.setState('error');
    }
  }

  setState(state) {
    this.element.dataset.state = state;
  }

  /** (Re)draws everything in the current language from the figures already loaded. */
  render(context) {
    const { definition, element } = this;
    const scope = context.state.scope;
    element.querySelector('h3').textContent = pick(definition.title(scope));
    element.querySelector('.subtitle').textContent = [context.scopeLabel, pick(definition.unit)].filter(Boolean).join(' · ');
    const protectedFigures = definition.households && !context.exactStatistics;
    element.querySelector('.badge').hidden = !protectedFigures;
    element.querySelector('.badge').textContent = t('card.protected');
    element.querySelector('.protected-note').hidden = !protectedFigures;
    element.querySelector('.protected-note').textContent = t('card.protectedNote');
    element.querySelector('.source').textContent = sourceLine(definition, context.documents);

    element.querySelector('.query summary').textContent = t('card.query');
    element.querySelector('.query code').textContent = this.query;
    element.querySelector('.copy-query').textContent = t('card.copy');
    const graphiql = element.querySelector('.graphiql');
    graphiql.textContent = t('card.graphiql');
    graphiql.href = graphiqlLink(this.query);
    const permalink = element.querySelector('.permalink');
    permalink.textContent = t('card.link');
    permalink.href = citableLink(this, context.state);
    element.querySelector('.table summary').textContent = t('card.table');

    const csv = element.querySelector('.csv');
    csv.textContent = t('card.csv');
    const status = element.querySelector('.status');
    const tableHost = element.querySelector('.table-host');
    tableHost.replaceChildren();
    if (!this.table) {
      status.textContent = t('card.loading');
      csv.removeAttribute('href');
      this.drawChart(null);
      return;
    }
    status.textContent = this.table.rows.length ? (this.table.note ? pick(this.table.note) : '') : t('card.empty');
    const download = csvDownload(this, context.state);
    this.download = download;
    csv.href = download.href;
    csv.download = download.filename;
    tableHost.appendChild(renderTable(this.table));
    const height = definition.height && this.table.rows.length ? definition.height(this.table) : null;
    element.querySelector('.chart').style.height = height ? `${height}px` : '';
    this.drawChart(this.table.rows.length && definition.chart ? definition.chart(this.table, scope) : null);
  }

  /** Draws with ECharts (SVG, so its labels are text), in the current language; nothing for table-only cards. */
  drawChart(option) {
    const host = this.element.querySelector('.chart');
    if (this.chart) {
      this.chart.dispose();
      this.chart = null;
    }
    host.hidden = !this.definition.chart;
    if (!option) return;
    this.chart = echarts.init(host, null, { renderer: 'svg', locale: getLanguage() === 'zh' ? 'ZH' : 'EN' });
    this.chart.setOption(option);
    host.setAttribute('aria-label', pick(this.definition.title(null)));
  }

  resize() {
    if (this.chart) this.chart.resize();
  }

  async copyQuery() {
    const button = this.element.querySelector('.copy-query');
    try {
      await navigator.clipboard.writeText(this.query);
    } catch (e) {
      // No clipboard access (an insecure origin, a denied permission): select the text so the reader can copy it.
      const details = this.element.querySelector('.query');
      details.open = true;
      getSelection().selectAllChildren(details.querySelector('code'));
    }
    button.textContent = t('card.copied');
    setTimeout(() => (button.textContent = t('card.copy')), 1500);
  }

  dispose() {
    if (this.chart) this.chart.dispose();
    this.element.remove();
  }
}

function build(definition) {
  const article = document.createElement('article');
  article.className = `card${definition.wide ? ' wide' : ''}`;
  article.id = definition.id;
  article.dataset.chart = definition.id;
  article.innerHTML = `
    <header class="card-head">
      <div><h3></h3><p class="subtitle"></p></div>
      <span class="badge" hidden></span>
    </header>
    <div class="chart" role="img"></div>
    <p class="status" aria-live="polite"></p>
    <p class="protected-note" hidden></p>
    <div class="actions">
      <a class="csv" download>CSV</a>
      <a class="permalink"></a>
      <button type="button" class="copy-query"></button>
      <a class="graphiql" target="_blank" rel="noopener"></a>
    </div>
    <details class="query"><summary></summary><pre><code></code></pre></details>
    <details class="table"><summary></summary><div class="table-host"></div></details>
    <p class="source"></p>`;
  // A card without a chart is its table: show it open.
  if (!definition.chart) article.querySelector('details.table').open = true;
  return article;
}
