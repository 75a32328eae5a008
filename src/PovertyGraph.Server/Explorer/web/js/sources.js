// Source lines: which document a chart's figures come from, and where in it (provenance). The documents' titles
// and numbers come from the API (sourceDocuments); English readers get a translated title beside the number.

import { getLanguage, pick, t } from './i18n.js';

const ENGLISH_TITLES = {
  'jl-plan-2016-2020': 'Jilin 13th Five-Year Plan for poverty alleviation',
  'jiaohe-plan-2016-2020': 'Jiaohe 13th Five-Year Plan for poverty alleviation, 2016–2020',
  'jl-2013-300k': 'Jilin plan to lift 300,000 rural people out of poverty in 2013',
  'jl-yearbook-2012': 'Jilin poverty alleviation in 2012 (yearbook entry)',
  'national-plan-2016-2020': 'National 13th Five-Year Plan for poverty alleviation',
};

/** The query that loads the documents (part of the start-up query). */
export const DOCUMENTS_QUERY = 'sourceDocuments(first: 50) { nodes { key title issuer documentNumber } }';

/** key → document, from the start-up query's answer. */
export function documentsByKey(data) {
  const documents = new Map();
  for (const document of (data.sourceDocuments || {}).nodes || []) documents.set(document.key, document);
  return documents;
}

/** The title of a document in the current language, with its number: 《…》（吉政发〔2017〕27号）. */
export function documentTitle(key, documents) {
  const document = documents.get(key);
  const number = document && document.documentNumber;
  if (getLanguage() === 'en') {
    const title = ENGLISH_TITLES[key] || (document && document.title) || key;
    return number ? `${title} (${number})` : title;
  }
  const title = (document && document.title) || key;
  return number ? `《${title}》（${number}）` : `《${title}》`;
}

/** "Source: <document>, <where>; <document>, <where>. <note>" for a chart definition. */
export function sourceLine(definition, documents) {
  const parts = (definition.sources || []).map((source) =>
    [documentTitle(source.doc, documents), source.part ? pick(source.part) : null].filter(Boolean).join(getLanguage() === 'en' ? ', ' : '，'));
  const separator = getLanguage() === 'en' ? '; ' : '；';
  const notes = [definition.note ? pick(definition.note) : null, definition.households ? t('card.synthetic') : null].filter(Boolean);
  return `${t('card.source')}${parts.join(separator)}${getLanguage() === 'en' ? '. ' : '。'}${notes.join(' ')}`.trim();
}
