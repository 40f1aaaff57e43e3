import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadCatalog, priceOf, search } from '../src/index.js';

const CATALOG = fileURLToPath(new URL('../data/catalog.json', import.meta.url));

test('loads every item', () => {
  assert.equal(loadCatalog(CATALOG).length, 3);
});

test('searches by name, cheapest first', () => {
  assert.deepEqual(
    search(CATALOG, 'a').map((item) => item.sku),
    ['A-100', 'C-300'],
  );
});

test('prices an item, or says it has none', () => {
  assert.equal(priceOf(CATALOG, 'C-300'), 950);
  assert.equal(priceOf(CATALOG, 'Z-999'), null);
});
