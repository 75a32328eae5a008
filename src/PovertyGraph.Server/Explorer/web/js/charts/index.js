// Every chart of the explorer, in page order. Adding a chart: write its definition beside these and list it here
// (see docs/EXPLORER.md).

import countyProjects from './county-projects.js';
import countyVillages from './county-villages.js';
import exitsPersons from './exits-persons.js';
import exitsVillages from './exits-villages.js';
import fundingSource from './funding-source.js';
import householdsCause from './households-cause.js';
import householdsPlace from './households-place.js';
import planRegistry from './plan-registry.js';
import projectsCategory from './projects-category.js';

export const CHARTS = [
  exitsVillages,
  exitsPersons,
  householdsCause,
  householdsPlace,
  fundingSource,
  projectsCategory,
  countyVillages,
  countyProjects,
  planRegistry,
];
