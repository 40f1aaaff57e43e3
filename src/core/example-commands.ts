/** The bundled examples and the command `npm start` runs on each; the first is the default. */
export const EXAMPLES: Readonly<Record<string, string>> = {
  'risk-py': 'Refactor the risk management module to use async patterns',
  'catalog-ts': 'make loadCatalog async',
  'ledger-py': 'rename function post_entry to record_entry',
  'users-ts': 'rename function getUser to fetchUser',
};

/** The example `npm start` runs without `--example`. */
export const DEFAULT_EXAMPLE = 'risk-py';
