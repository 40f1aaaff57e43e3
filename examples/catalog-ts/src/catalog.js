import fs from 'node:fs';

/**
 * @typedef {{ sku: string, name: string, price: number }} Item
 */

/**
 * Every item of the catalog file.
 * @param {string} file
 * @returns {Item[]}
 */
export function loadCatalog(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The item with `sku`, if any.
 * @param {string} file
 * @param {string} sku
 */
export function findItem(file, sku) {
  return loadCatalog(file).find((item) => item.sku === sku);
}
