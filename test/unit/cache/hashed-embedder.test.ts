import { describe, expect, it } from 'vitest';
import { toStem, toWords } from '../../../src/cache/code-tokens.js';
import { HashedCodeEmbedder, SliceCache } from '../../../src/index.js';
import { sha1, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();

/** A small workspace: each file in slices, as MAP would cut it. */
const CORPUS: Record<string, string[]> = {
  'trading/risk_manager.py': [
    'class RiskManager:\n    def __init__(self, limits):\n        self.limits = limits\n        self.exposure = {}',
    '    def check_exposure(self, position):\n        if position.notional > self.limits.max_notional:\n            raise RiskLimitExceeded(position)',
    '    def value_at_risk(self, portfolio, confidence=0.99):\n        return compute_var(portfolio.returns, confidence)',
  ],
  'trading/order_book.py': [
    'class OrderBook:\n    def __init__(self):\n        self.bids = []\n        self.asks = []',
    '    def add_order(self, order):\n        side = self.bids if order.is_buy else self.asks\n        insort(side, order)',
    '    def match_orders(self):\n        while self.best_bid() >= self.best_ask():\n            self.execute_trade()',
  ],
  'trading/portfolio.py': [
    'class Portfolio:\n    def __init__(self, positions):\n        self.positions = positions',
    '    def rebalance(self, target_weights):\n        for symbol, weight in target_weights.items():\n            self.adjust(symbol, weight * self.total_value())',
    '    def total_value(self):\n        return sum(p.market_value for p in self.positions)',
  ],
  'src/auth/userAuth.ts': [
    'export async function loginUser(username: string, password: string): Promise<Session> {\n  const user = await findUserByName(username);\n  if (!verifyPasswordHash(user.passwordHash, password)) throw new AuthError();\n  return createSession(user);\n}',
    'export function hashPassword(password: string): string {\n  return scryptSync(password, salt, 64).toString("hex");\n}',
  ],
  'src/net/httpClient.ts': [
    'export async function fetchWithRetry(url: string, attempts = 3): Promise<Response> {\n  for (let attempt = 0; attempt < attempts; attempt++) {\n    try { return await fetch(url); } catch { await sleep(backoffDelay(attempt)); }\n  }\n  throw new RetryExhaustedError(url);\n}',
  ],
  'config/logging_config.py': [
    'LOGGING = {\n    "version": 1,\n    "handlers": {"console": {"class": "logging.StreamHandler"}},\n    "root": {"level": "INFO", "handlers": ["console"]},\n}',
  ],
};

const QUERIES: Array<[string, string]> = [
  ['the risk management module', 'trading/risk_manager.py'],
  ['Refactor the risk management module to use async patterns', 'trading/risk_manager.py'],
  ['order matching engine', 'trading/order_book.py'],
  ['rebalance the portfolio weights', 'trading/portfolio.py'],
  ['user login and password hashing', 'src/auth/userAuth.ts'],
  ['retry http requests with backoff', 'src/net/httpClient.ts'],
  ['logging configuration', 'config/logging_config.py'],
];

describe('toWords and toStem', () => {
  it('splits identifiers on camelCase, PascalCase, acronyms, snake_case and digits', () => {
    expect(toWords('parseHTTPResponse_v2 RiskManager risk_manager.py')).toEqual([
      'parse',
      'http',
      'response',
      'v2',
      'risk',
      'manager',
      'risk',
      'manager',
      'py',
    ]);
  });

  it('maps word forms of one root to one stem', () => {
    expect(new Set(['management', 'manager', 'managing', 'manage'].map(toStem))).toEqual(
      new Set(['manag']),
    );
    expect(toStem('risks')).toBe('risk');
  });
});

describe('HashedCodeEmbedder', () => {
  it('returns deterministic unit vectors of the configured size', async () => {
    const embedder = new HashedCodeEmbedder(64);
    const first = await embedder.embed('class RiskManager');
    const again = await embedder.embed('class RiskManager');
    expect(first).toHaveLength(64);
    expect(Array.from(first)).toEqual(Array.from(again));
    expect(Math.hypot(...first)).toBeCloseTo(1, 5);
  });

  it('gives text without a meaningful word a valid unit vector', async () => {
    const vector = await new HashedCodeEmbedder().embed('');
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });

  it('ranks the right file first for each phrase over a small code corpus', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const fileOf = new Map<string, string>();
    const items = [];
    for (const [file, slices] of Object.entries(CORPUS)) {
      for (const content of slices) {
        const hash = sha1(content);
        fileOf.set(hash, file);
        items.push({
          sliceHash: hash,
          data: { file, content },
          vector: await cache.embed(`${file}\n${content}`),
        });
      }
    }
    await cache.storeMany(items);
    for (const [phrase, expected] of QUERIES) {
      const hits = await cache.searchSimilar(await cache.embed(phrase), 3);
      expect({ phrase, file: fileOf.get(hits[0]?.hash ?? '') }).toEqual({ phrase, file: expected });
    }
  });

  it('is the default embedder when no embeddings URL is set', async () => {
    const cache = new SliceCache({ dir: fixtures.createDir(), env: {} });
    const expected = await new HashedCodeEmbedder().embed('risk manager');
    expect(Array.from(await cache.embed('risk manager'))).toEqual(Array.from(expected));
  });
});
