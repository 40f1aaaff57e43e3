import { findItem, loadCatalog } from './catalog.js';

/**
 * Items whose name contains `text`, cheapest first.
 * @param {string} file
 * @param {string} text
 */
export function search(file, text) {
  const wanted = text.toLowerCase();
  return loadCatalog(file)
    .filter((item) => item.name.toLowerCase().includes(wanted))
    .sort((a, b) => a.price - b.price);
}

/**
 * The price of `sku`, or `null` when the catalog does not have it.
 * @param {string} file
 * @param {string} sku
 */
export function priceOf(file, sku) {
  const item = findItem(file, sku);
  return item === undefined ? null : item.price;
}
