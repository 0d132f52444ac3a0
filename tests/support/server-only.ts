// Stands in for the `server-only` marker under Vitest (see vitest.config.mts): the tests run server modules in Node.
export {};
