export { findItem, loadCatalog } from './catalog.js';
export { priceOf, search } from './search.js';
